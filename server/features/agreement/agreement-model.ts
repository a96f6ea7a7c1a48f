import { agreementText } from '../../deck/deck-in-language.js';
import type { AgreementText, Deck } from '../../deck/deck-schema.js';
import type { TalliedCard } from '../../contract/parts.js';
import type { StakeholderGroup } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { deckGallery } from '../gallery-walk/gallery-model.js';
import { selectedStatements, tallyWalls } from '../gallery-walk/tally.js';
import type { AgreementFields } from './agreement-events.js';
import '../preparation/preparation-state.js';

/**
 * The Partnership Agreement's three parts come from the deck's walls: the definition wall
 * is the one Activity 4 revises (or a two-sided card's front), the examples wall is where
 * its examples go (or the back), and every other wall of the gallery walk holds group
 * agreements. A new deck with other walls needs no code.
 */
export function agreementWalls(deck: Deck): { agreements: string[]; definition: string | null; examples: string | null } {
  let definition: string | null = null;
  let examples: string | null = null;
  for (const slide of deck.slides) {
    const a = slide.activity;
    if (a?.kind === 'revise-and-example') ({ definition, examples } = { definition: a.revise.wall, examples: a.example.wall });
    else if (a?.kind === 'two-sided-card' && !definition) ({ definition, examples } = { definition: a.front.wall, examples: a.back.wall });
  }
  const gallery = deck.slides.find((s) => s.activity?.kind === 'gallery-walk')?.activity;
  const walls = gallery?.kind === 'gallery-walk' ? gallery.walls : deck.walls.map((w) => w.id);
  return { agreements: walls.filter((w) => w !== definition && w !== examples), definition, examples };
}

/** The stakeholder groups that took part: anyone who joined, and paper cards or stickers that named one. */
export function groupsThatTookPart(state: SessionState, deck: Deck): StakeholderGroup[] {
  const seen = new Set<StakeholderGroup>();
  for (const [group, people] of state.peopleByGroup) if (people > 0) seen.add(group);
  for (const group of state.gallery.paperGroups.values()) seen.add(group);
  // Only paper stickers name a group; looking at those alone keeps this cheap in a burst.
  for (const walk of state.gallery.walks.values()) {
    for (const sticker of walk.paper.values()) if (sticker.group) seen.add(sticker.group);
  }
  return deck.groups.map((g) => g.id).filter((g) => seen.has(g));
}

/**
 * The agreement as edited through the log; the school's name falls back to the session's.
 * The next meeting is the session's one next meeting, as prepared: the agreement has no
 * second field for it.
 */
export function agreementDraft(state: SessionState, deck: Deck) {
  const fields: AgreementFields = { ...state.agreement.fields };
  if (!fields.schoolName) fields.schoolName = state.schoolName;
  return { ...fields, nextMeeting: state.preparation.dates.nextMeeting, groups: groupsThatTookPart(state, deck), editedAt: state.agreement.editedAt };
}

/** The top statements per part, in rank order, for the builder to choose from. */
export function agreementCandidates(state: SessionState, deck: Deck): { agreements: TalliedCard[]; definitions: TalliedCard[]; examples: TalliedCard[] } {
  const gallery = deckGallery(state, deck);
  const empty = { agreements: [], definitions: [], examples: [] };
  if (!gallery) return empty;
  const walls = agreementWalls(deck);
  const tallies = tallyWalls(state, deck, gallery.slide, gallery.activity);
  const pick = (wall: string | null) => {
    const tally = tallies.find((t) => t.wall === wall);
    return tally ? selectedStatements(tally) : [];
  };
  return {
    agreements: walls.agreements.flatMap(pick),
    definitions: pick(walls.definition),
    examples: pick(walls.examples),
  };
}

/**
 * What the printed agreement shows: the draft (without when it was edited) and the deck's
 * own wording for its headings and closing lines, in `lang` (the deck's first language by
 * default). Null for a deck without an agreement.
 */
export function agreementSheet(state: SessionState, deck: Deck, lang = deck.languages[0]): AgreementSheet | null {
  const wording = agreementText(deck, lang);
  if (!wording) return null;
  const { editedAt: _shownNowhere, ...draft } = agreementDraft(state, deck);
  // `groups` stay ids: the PDF names them in each language it prints (agreement-words.ts).
  return { ...draft, wording };
}

/** The printed agreement: `groups` are the ids of the groups that took part. */
export type AgreementSheet = Omit<ReturnType<typeof agreementDraft>, 'editedAt'> & { wording: AgreementText };
