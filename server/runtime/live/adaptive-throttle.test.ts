import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdaptiveThrottle } from './adaptive-throttle.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A throttle on a clock the test moves: `took` is how long each run takes. */
function throttled(minIntervalMs: number, took = 0) {
  let clock = 0;
  const runs: number[] = [];
  const throttle = new AdaptiveThrottle(
    () => {
      runs.push(clock);
      clock += took;
    },
    { minIntervalMs, costFactor: 3, now: () => clock },
  );
  const wait = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };
  return { throttle, runs, wait };
}

describe('the adaptive throttle', () => {
  it('runs a burst of requests once, at once after a quiet spell, then at most once per interval', () => {
    const { throttle, runs, wait } = throttled(250);
    for (let i = 0; i < 100; i++) throttle.request();
    wait(0);
    expect(runs).toEqual([0]);
    for (let i = 0; i < 100; i++) throttle.request();
    wait(249);
    expect(runs).toEqual([0]);
    wait(1);
    expect(runs).toEqual([0, 250]);
  });

  it('waits three times as long as the last run took, when that is longer than the interval', () => {
    const { throttle, runs, wait } = throttled(25, 40);
    throttle.request();
    wait(0);
    throttle.request();
    wait(119);
    expect(runs).toHaveLength(1);
    wait(1);
    expect(runs).toHaveLength(2);
    expect(throttle.lastCostMs).toBe(40);
  });

  it('runs now when asked, instead of the run waiting', () => {
    const { throttle, runs, wait } = throttled(250);
    throttle.request();
    wait(0);
    throttle.request();
    expect(throttle.pending).toBe(true);
    throttle.runNow();
    expect(throttle.pending).toBe(false);
    wait(1000);
    expect(runs).toHaveLength(2);
  });

  it('times a request made during a run from the end of that run', () => {
    let clock = 0;
    const runs: number[] = [];
    const throttle: AdaptiveThrottle = new AdaptiveThrottle(
      () => {
        runs.push(clock);
        if (runs.length === 1) throttle.request();
      },
      { minIntervalMs: 100, costFactor: 3, now: () => clock },
    );
    throttle.runNow();
    expect(throttle.pending).toBe(true);
    clock += 99;
    vi.advanceTimersByTime(99);
    expect(runs).toEqual([0]);
    clock += 1;
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([0, 100]);
  });

  it('runs a request due at once in this turn of the event loop, without waiting for a timer', async () => {
    // Timeouts are faked and never fire here; only the loop's own turn (setImmediate) is real.
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { throttle, runs } = throttled(250);
    throttle.request();
    expect(runs).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toEqual([0]);
    // One not yet due still waits for its interval.
    throttle.request();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toEqual([0]);
    expect(throttle.pending).toBe(true);
  });
});
