import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../deck/load-decks.js';
import { SLIDES_DIR } from '../../../tests/unit/test-app.js';
import { paceSentence, pacingSummary } from './pacing.js';

const deck = loadDecks(SLIDES_DIR).get('module-1')!;
const min = 60_000;

describe('pacing', () => {
  it('says the room is 6 minutes behind when the opening ran 16 minutes of its 10', () => {
    const t0 = 1_000_000;
    const history = [
      { slide: 1, at: t0 },
      { slide: 4, at: t0 + 5 * min },
      { slide: 8, at: t0 + 16 * min },
    ];
    const summary = pacingSummary(deck, history, t0 + 20 * min, t0);
    const opening = summary.sections.find((s) => s.id === 'opening')!;
    expect(opening).toMatchObject({ plannedMs: 10 * min, actualMs: 16 * min, status: 'done' });
    const objectives = summary.sections.find((s) => s.id === 'objectives')!;
    expect(objectives).toMatchObject({ actualMs: 4 * min, status: 'current', openSince: t0 + 16 * min });
    expect(summary.behindMs).toBe(6 * min);
    expect(paceSentence(summary.behindMs)).toBe('6 minutes behind');
  });

  it('says ahead when sections finished early, and counts an overrun of the current section', () => {
    const t0 = 0;
    const history = [
      { slide: 1, at: t0 },
      { slide: 8, at: t0 + 7 * min },
    ];
    expect(paceSentence(pacingSummary(deck, history, t0 + 10 * min, t0).behindMs)).toBe('3 minutes ahead');
    // 25 minutes into a 20-minute section: 5 over, less the 3 saved earlier.
    expect(paceSentence(pacingSummary(deck, history, t0 + 32 * min, t0).behindMs)).toBe('2 minutes behind');
  });

  it('counts nothing before the workshop starts, and from the start (or a restart of the clock) after', () => {
    const t0 = 1_000_000;
    // The server was started at t0 and the title slide waited 30 minutes for the room.
    const history = [
      { slide: 1, at: t0 },
      { slide: 2, at: t0 + 30 * min },
      { slide: 4, at: t0 + 34 * min },
    ];
    const notYet = pacingSummary(deck, history.slice(0, 1), t0 + 30 * min, null);
    expect(notYet.behindMs).toBe(0);
    expect(notYet.sections.every((s) => s.status === 'upcoming' && s.actualMs === 0)).toBe(true);
    // Started by the first move past the title slide: 6 minutes into the opening, on time.
    const started = pacingSummary(deck, history, t0 + 36 * min, t0 + 30 * min);
    expect(started.sections.find((s) => s.id === 'opening')).toMatchObject({ actualMs: 6 * min, status: 'current' });
    expect(paceSentence(started.behindMs)).toBe('on time');
    // The lead restarts the clock at t0 + 35 min, on slide 4: it counts from then.
    const restarted = pacingSummary(deck, history, t0 + 36 * min, t0 + 35 * min);
    expect(restarted.sections.find((s) => s.id === 'opening')).toMatchObject({ actualMs: 1 * min, openSince: t0 + 35 * min });
  });
});
