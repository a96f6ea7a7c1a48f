import { describe, expect, it } from 'vitest';
import { initialSlideSync, stepSlideSync, type SlideSync, type SlideSyncEffect, type SlideSyncEvent } from './slide-sync.js';

/** Runs events through the sync and collects every effect, as main.ts carries them out. */
function run(events: SlideSyncEvent[], start: SlideSync = initialSlideSync()) {
  let state = start;
  const effects: SlideSyncEffect[] = [];
  for (const event of events) {
    const step = stepSlideSync(state, event);
    state = step.state;
    if (Object.keys(step.effect).length > 0) effects.push(step.effect);
  }
  return { state, effects };
}

describe('the presenter’s slide sync', () => {
  it('follows the session while another screen holds control', () => {
    const { state, effects } = run([
      { type: 'session', slide: 1, holding: false, seq: 3 },
      { type: 'session', slide: 4, holding: false, seq: 9 },
      // reveal.js reports the slide this screen was sent to: not a move.
      { type: 'shown', slide: 4 },
    ]);
    expect(effects).toEqual([{ controls: false }, { show: 4 }]);
    expect(state).toMatchObject({ slide: 4, movedBy: 'session' });
  });

  it('sends the holder’s own moves and ignores their echo, even one that arrives late', () => {
    const { state, effects } = run([
      { type: 'session', slide: 1, holding: true, seq: 3 },
      { type: 'shown', slide: 2 },
      { type: 'shown', slide: 3 },
      // Frames made before the moves were committed still say slide 1: not followed.
      { type: 'session', slide: 1, holding: true, seq: 4 },
      { type: 'answered', seq: 5 },
      { type: 'session', slide: 2, holding: true, seq: 5 },
      { type: 'answered', seq: 6 },
      // A frame from before the last move overtook its answer.
      { type: 'session', slide: 2, holding: true, seq: 5 },
      { type: 'session', slide: 3, holding: true, seq: 6 },
    ]);
    expect(effects).toEqual([{ controls: true }, { send: 2 }, { send: 3 }]);
    expect(state).toMatchObject({ slide: 3, movedBy: 'me', unanswered: 0, ownSeq: 6 });
  });

  it('takes the session’s slide when it gets control back, as the support facilitator left it', () => {
    const { state, effects } = run([
      { type: 'session', slide: 5, holding: true, seq: 10 },
      { type: 'session', slide: 5, holding: false, seq: 11 },
      { type: 'session', slide: 8, holding: false, seq: 14 },
      { type: 'session', slide: 9, holding: true, seq: 16 },
    ]);
    // A screen that opens on slide 1 goes to the session's slide first.
    expect(effects).toEqual([{ controls: true, show: 5 }, { controls: false }, { show: 8 }, { controls: true, show: 9 }]);
    expect(state.slide).toBe(9);
  });

  it('goes back to the session’s slide when a move is refused', () => {
    const { state, effects } = run([{ type: 'session', slide: 5, holding: true, seq: 10 }, { type: 'shown', slide: 6 }, { type: 'refused' }]);
    expect(effects).toEqual([{ controls: true, show: 5 }, { send: 6 }, { show: 5 }]);
    expect(state).toMatchObject({ slide: 5, unanswered: 0 });
  });

  it('does not let a screen without control move the deck', () => {
    const { effects } = run([{ type: 'session', slide: 5, holding: false, seq: 10 }, { type: 'shown', slide: 6 }]);
    expect(effects).toEqual([{ controls: false, show: 5 }, { show: 5 }]);
  });
});
