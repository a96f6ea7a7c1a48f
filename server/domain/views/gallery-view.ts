import type { Deck } from '../../deck/deck-schema.js';
import { agreementDraft } from '../agreement-model.js';
import { STAKEHOLDER_GROUPS } from '../events.js';
import { currentGallery, galleryProgress, isVotableCard, ownStickers, rootCardId, stickerSummary, stickersLeft, votingOpen, wallBudgets } from '../gallery-model.js';
import type { SessionState } from '../session-state.js';
import { selectedStatements, tallyWalls, type WallTally } from '../tally.js';
import type { EquityPart, PhoneOwnParts, PhoneSharedParts, StaffParts, StakeholderGroup } from '../../contract/parts.js';

/**
 * The gallery walk's parts of each role's view. Progress, tallies, merges, equity and the
 * agreement are separate parts, so a burst of stickers re-sends only the small progress part.
 * The tallies stay null until the facilitator reveals them, so the deck cannot show them early.
 */
export function galleryStaffParts(state: SessionState, deck: Deck): Pick<StaffParts, 'galleryProgress' | 'tallies' | 'merges' | 'paperStickers' | 'equity' | 'agreement'> {
  const gallery = currentGallery(state, deck);
  const revealed = !!gallery && state.gallery.revealed.has(gallery.slide);
  const summary = gallery ? stickerSummary(state, gallery.slide, gallery.activity) : null;
  const tallies = gallery && revealed ? tallyWalls(state, deck, gallery.slide, gallery.activity) : null;
  return {
    galleryProgress: gallery ? galleryProgress(state, gallery.slide, gallery.activity, summary!) : null,
    tallies: tallies ? { slide: gallery!.slide, walls: tallies } : null,
    merges: Object.fromEntries(state.gallery.mergedInto),
    paperStickers: (summary?.paper ?? []).map(({ id, cardId, wall, group }) => ({ id, cardId, wall, group })),
    equity: equityOfVoice(state, summary, tallies),
    agreement: agreementDraft(state),
  };
}

/** What every phone sees of the walk: the cards on each wall (no authors, no hidden cards). */
export function gallerySharedParts(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'gallery' | 'agreementNote'> {
  const gallery = currentGallery(state, deck);
  const onWalk = gallery && gallery.slide === state.slide;
  const activity = deck.slides[state.slide - 1]?.activity;
  return {
    gallery: onWalk
      ? {
          slide: gallery.slide,
          open: votingOpen(state, gallery.slide),
          revealed: state.gallery.revealed.has(gallery.slide),
          walls: gallery.activity.walls.map((wall) => ({
            id: wall,
            cards: [...state.cards.values()].filter((c) => c.wall === wall && isVotableCard(state, c)).map(({ id, text }) => ({ id, text })),
          })),
        }
      : null,
    agreementNote:
      activity?.kind === 'agreement-builder' || activity?.kind === 'next-meeting' || activity?.kind === 'feedback'
        ? {
            schoolName: agreementDraft(state).schoolName,
            nextMeeting: state.gallery.agreement.nextMeeting,
            // As prepared (ISO), for each phone to write out in its own language.
            nextMeetingDate: state.preparation.dates.nextMeeting,
            futureDates: state.preparation.dates.futureDates,
          }
        : null,
  };
}

/** One phone's own stickers and how many it has left per wall, while the walk is on screen. */
export function galleryOwnParts(state: SessionState, deck: Deck, participantId: string): Pick<PhoneOwnParts, 'myStickers'> {
  const gallery = currentGallery(state, deck);
  if (!gallery || gallery.slide !== state.slide) return { myStickers: null };
  return {
    myStickers: {
      slide: gallery.slide,
      left: stickersLeft(state, participantId, gallery.slide, gallery.activity),
      budgets: Object.fromEntries(wallBudgets(state, gallery.activity)),
      stickers: ownStickers(state, participantId, gallery.slide).map((s) => {
        const card = state.cards.get(rootCardId(state, s.cardId));
        return { id: s.id, cardId: card?.id ?? s.cardId, wall: s.wall, hidden: !!card?.hidden };
      }),
    },
  };
}

/** A stakeholder group, or paper that named none. */
type Group = StakeholderGroup | 'paper';

/**
 * The guide's "equity of voice": cards and stickers by stakeholder group, so the room sees
 * whether every group was heard. Paper without a group counts as "paper". After the
 * reveal it also shows whose cards made the cut.
 */
export function equityOfVoice(state: SessionState, summary: ReturnType<typeof stickerSummary> | null, tallies: WallTally[] | null): EquityPart {
  type Row = { people: number; cards: number; stickers: number; topCards: number };
  const rows = {} as Record<Group, Row>;
  const row = (group: Group) => (rows[group] ??= { people: 0, cards: 0, stickers: 0, topCards: 0 });
  for (const group of STAKEHOLDER_GROUPS) row(group);
  const cardGroup = (cardId: string): Group => {
    const card = state.cards.get(cardId);
    if (!card) return 'paper';
    if (card.authorId) return state.participants.get(card.authorId)?.group ?? 'paper';
    return state.gallery.paperGroups.get(card.id) ?? 'paper';
  };
  for (const [group, counts] of peopleAndCardsByGroup(state, cardGroup)) Object.assign(row(group), counts);
  if (summary) {
    for (const [group, spent] of summary.spentByGroup) row(group).stickers += spent;
    for (const sticker of summary.paper) row(sticker.group ?? 'paper').stickers++;
  }
  for (const tally of tallies ?? []) {
    for (const card of selectedStatements(tally)) {
      // A merged card speaks for all its authors' groups.
      const groups = new Set([card.id, ...card.merged].map(cardGroup));
      for (const group of groups) row(group).topCards++;
    }
  }
  return { revealed: tallies !== null, groups: (Object.entries(rows) as [Group, Row][]).map(([group, r]) => ({ group, ...r })) };
}

/**
 * People and cards per group change only with people and cards, not with the stickers
 * that stream in during the walk, so they are counted once per change, not per update.
 */
const groupCounts = new WeakMap<SessionState, { key: string; counts: Map<Group, { people: number; cards: number }> }>();

function peopleAndCardsByGroup(state: SessionState, cardGroup: (cardId: string) => Group) {
  const key = `${state.versions.get('participant') ?? 0}:${state.versions.get('card') ?? 0}`;
  const cached = groupCounts.get(state);
  if (cached?.key === key) return cached.counts;
  const counts = new Map<Group, { people: number; cards: number }>();
  const entry = (group: Group) => counts.get(group) ?? counts.set(group, { people: 0, cards: 0 }).get(group)!;
  for (const person of state.participants.values()) entry(person.group).people++;
  for (const card of state.cards.values()) if (!card.withdrawn && !card.hidden) entry(cardGroup(card.id)).cards++;
  groupCounts.set(state, { key, counts });
  return counts;
}
