import type { Deck } from '../../deck/deck-schema.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { requireGroup } from '../participants/participant-commands.js';
import { event, type NewEvent, type StakeholderGroup } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { isActivityOpen } from '../presentation/activity-rules.js';
import { currentGallery, ownStickers, rootCardId, stickersLeft, votingOpen } from './gallery-model.js';

/**
 * Dot voting. The budget is checked here, inside SessionRuntime.execute's synchronous
 * decide, against the stickers already committed: two devices of one person tapping at
 * once are decided one after the other, so the second sees the first's sticker and the
 * budget is never exceeded. A retry carries the same Idempotency-Key and gets the first
 * answer back, so a sticker is never placed twice nor lost.
 */
export function placeSticker(state: SessionState, deck: Deck, participantId: string, cardId: string, context: CommandContext) {
  const { card, slide, activity } = stickerTarget(state, deck, cardId);
  if (!votingOpen(state, slide)) throw votingClosed(state, slide);
  const mine = ownStickers(state, participantId, slide);
  const onWall = mine.filter((s) => s.wall === card.wall).length;
  if (onWall >= activity.stickersPerWall) {
    throw new DomainError(
      409,
      'budget_spent',
      `You have placed all ${activity.stickersPerWall} of your ${wallName(deck, card.wall)} stickers. Remove one of them to put it on another card.`,
    );
  }
  const onCard = mine.filter((s) => rootCardId(state, s.cardId) === card.id).length;
  if (onCard >= activity.maxPerCard) {
    throw new DomainError(
      409,
      'card_full',
      activity.maxPerCard === 1
        ? 'You already put a sticker on this card: one sticker per card.'
        : `You already put ${activity.maxPerCard} stickers on this card, the most one person may.`,
    );
  }
  const stickerId = context.newId();
  const left = stickersLeft(state, participantId, slide, activity);
  left[card.wall] = Math.max(0, left[card.wall] - 1);
  return {
    events: [event('sticker.placed', { stickerId, participantId, cardId: card.id, wall: card.wall, slide })],
    response: { stickerId, left },
  };
}

/** A participant takes back one of their own stickers while voting is open. */
export function removeSticker(state: SessionState, deck: Deck, participantId: string, stickerId: string) {
  const sticker = state.gallery.stickers.get(stickerId);
  if (!sticker || sticker.participantId !== participantId) throw new DomainError(404, 'unknown_sticker', 'You have no such sticker.');
  if (!votingOpen(state, sticker.slide)) throw votingClosed(state, sticker.slide);
  const activity = deck.slides[sticker.slide - 1].activity;
  if (activity?.kind !== 'gallery-walk') throw new DomainError(404, 'unknown_sticker', 'You have no such sticker.');
  const left = stickersLeft(state, participantId, sticker.slide, activity);
  left[sticker.wall]++;
  return { events: [event('sticker.removed', { stickerId })], response: { stickerId, left } };
}

/**
 * A paper sticker, typed in by a facilitator for someone voting on the paper wall. It has
 * no owner, so no personal budget: the facilitator copies what the paper shows. It may be
 * added after the reveal too, so late paper counts are not lost.
 */
export function placePaperSticker(state: SessionState, deck: Deck, cardId: string, group: StakeholderGroup | undefined, context: CommandContext) {
  const { card, slide } = stickerTarget(state, deck, cardId);
  if (group) requireGroup(deck, group);
  if (!isActivityOpen(state, slide)) throw votingClosed(state, slide);
  const stickerId = context.newId();
  return {
    events: [event('sticker.placed', { stickerId, participantId: null, cardId: card.id, wall: card.wall, slide, paper: true, ...(group ? { group } : {}) })],
    response: { stickerId },
  };
}

/** The most paper stickers one card can be given: far more than any room places. */
export const MAX_PAPER_STICKERS = 500;

/**
 * The paper stickers on one card, as counted on the paper wall: "12" sets the count, and
 * typing it again corrects it. Only the difference is logged, as stickers placed or taken
 * off (newest first), so the tally, the exports and a replay see ordinary paper stickers.
 */
export function setPaperStickerCount(state: SessionState, deck: Deck, cardId: string, count: number, context: CommandContext) {
  const { card, slide } = stickerTarget(state, deck, cardId);
  if (!isActivityOpen(state, slide)) throw votingClosed(state, slide);
  const onCard = [...(state.gallery.walks.get(slide)?.paper.values() ?? [])].filter((s) => rootCardId(state, s.cardId) === card.id).sort((a, b) => a.at - b.at);
  const events: NewEvent[] = [];
  for (let n = onCard.length; n < count; n++) events.push(event('sticker.placed', { stickerId: context.newId(), participantId: null, cardId: card.id, wall: card.wall, slide, paper: true }));
  for (const sticker of onCard.slice(count).reverse()) events.push(event('sticker.removed', { stickerId: sticker.id }));
  return { events, response: { cardId: card.id, count } };
}

export function removePaperSticker(state: SessionState, stickerId: string) {
  const sticker = state.gallery.stickers.get(stickerId);
  if (!sticker || !sticker.paper) throw new DomainError(404, 'unknown_sticker', 'There is no such paper sticker.');
  return { events: [event('sticker.removed', { stickerId })], response: { stickerId } };
}

/** The card a sticker lands on (a merged duplicate's stickers go to the card it joined) and the walk it belongs to. */
function stickerTarget(state: SessionState, deck: Deck, cardId: string) {
  const asked = state.cards.get(cardId);
  const card = asked ? state.cards.get(rootCardId(state, cardId)) : undefined;
  if (!card || card.withdrawn || card.hidden || asked!.withdrawn) throw new DomainError(404, 'unknown_card', 'There is no such card on the walls.');
  const gallery = currentGallery(state, deck);
  if (!gallery) throw new DomainError(409, 'activity_closed', 'The gallery walk has not started yet.');
  if (!gallery.activity.walls.includes(card.wall)) throw new DomainError(400, 'wrong_wall', 'This card is not on a wall of the gallery walk.');
  return { card, slide: gallery.slide, activity: gallery.activity };
}

/** A wall's name as a refusal gives it; made only for a refusal (a district's walk places thousands of stickers a second). */
function wallName(deck: Deck, wallId: string): string {
  const wall = deck.walls.find((w) => w.id === wallId);
  return wall ? `${wall.sticker.name} (${wall.title})` : wallId;
}

function votingClosed(state: SessionState, slide: number): DomainError {
  return state.gallery.revealed.has(slide)
    ? new DomainError(409, 'activity_closed', 'Voting has ended: the tallies are on the screen.')
    : new DomainError(409, 'activity_closed', 'Voting is not open right now.');
}
