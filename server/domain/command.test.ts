import { describe, expect, it } from 'vitest';
import { SLIDES_DIR } from '../../tests/unit/test-app.js';
import { loadDecks } from '../deck/load-decks.js';
import { writeCard } from '../features/cards/card-commands.js';
import { makeGroups, openLineup } from '../features/lineup/lineup-commands.js';
import { join } from '../features/participants/participant-commands.js';
import { showSlide } from '../features/presentation/presentation-commands.js';
import { applyEvent, emptyState } from '../features/registry.js';
import { seededContext, type CommandContext, type Decision } from './command.js';
import { event } from './events.js';
import type { SessionState } from './session-state.js';

const deck = loadDecks(SLIDES_DIR).get('module-1')!;

/** A Module 1 session in memory, changed only by commands' events, as the runtime does. */
function session() {
  const state = emptyState('session-1', 'ABC123');
  let seq = 0;
  const commit = <R>(decision: Decision<R>, at = 1_000): R => {
    for (const e of decision.events) applyEvent(state, { ...e, seq: ++seq, at, actor: { role: 'lead' } }, deck);
    return decision.response;
  };
  commit({ events: [event('session.started', { deckId: deck.id, schoolName: 'Lincoln' })], response: null });
  return { state, commit };
}

function roomOf(people: number, context: CommandContext): { state: SessionState; ids: string[] } {
  const { state, commit } = session();
  const ids = Array.from({ length: people }, (_, i) => commit(join(state, deck, `P${i}`, 'parent', context)).participantId);
  commit(showSlide(state, deck, 'lead', 13));
  commit(openLineup(state, deck, 13));
  return { state, ids };
}

describe('a command with a seeded context', () => {
  it('makes the same birthday groups every time for the same seed, so a replay decides exactly as the first run did', () => {
    const { state, ids } = roomOf(13, seededContext(1));
    // Half the room gave a birthday; the others stand in the line at places left to chance.
    const birthdays = new Map(ids.filter((_, i) => i % 2 === 0).map((id, i) => [id, { month: 12 - i, day: 1 }]));
    const groupsWith = (seed: number) => makeGroups(state, deck, 13, birthdays, seededContext(seed)).events;
    expect(groupsWith(42)).toEqual(groupsWith(42));
    // Another seed places the people without a birthday elsewhere in the line.
    const lines = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(groupsWith(seed))));
    expect(lines.size).toBeGreaterThan(1);
    // Whatever the chance, the people with a birthday stand January first.
    for (const seed of [1, 2, 3]) {
      const [grouped] = groupsWith(seed);
      const line = grouped.type === 'lineup.grouped' ? grouped.data.groups.flat() : [];
      expect(line.filter((id) => birthdays.has(id))).toEqual([...birthdays.keys()].reverse());
    }
  });

  it('takes its ids from the context: a two-sided card is the context’s next three ids', () => {
    const { state, commit } = session();
    const { participantId } = commit(join(state, deck, 'Ana', 'teacher', seededContext(7)));
    commit(showSlide(state, deck, 'lead', 12));
    const expected = seededContext(9);
    const [pairId, frontId, backId] = [expected.newId(), expected.newId(), expected.newId()];
    const written = writeCard(state, deck, participantId, { slide: 12, front: 'Adults listen', back: 'Teachers call home' }, seededContext(9));
    expect(written.response.cardIds).toEqual([frontId, backId]);
    expect(written.events.map((e) => e.data)).toEqual([
      expect.objectContaining({ cardId: frontId, pairId, text: 'Adults listen' }),
      expect.objectContaining({ cardId: backId, pairId, text: 'Teachers call home' }),
    ]);
  });
});
