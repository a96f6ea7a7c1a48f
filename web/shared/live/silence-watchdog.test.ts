import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SilenceWatchdog } from './silence-watchdog.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the silence watchdog', () => {
  it('says a connection is dead once nothing was heard for the limit, and only once', () => {
    let silent = 0;
    new SilenceWatchdog({ limitMs: 30_000, onSilent: () => silent++ });
    vi.advanceTimersByTime(29_999);
    expect(silent).toBe(0);
    vi.advanceTimersByTime(1);
    expect(silent).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(silent).toBe(1);
  });

  it('starts counting again at every frame or ping heard', () => {
    let silent = 0;
    const watchdog = new SilenceWatchdog({ limitMs: 30_000, onSilent: () => silent++ });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(15_000);
      watchdog.heard();
    }
    expect(silent).toBe(0);
    vi.advanceTimersByTime(30_000);
    expect(silent).toBe(1);
  });

  it('gives a connection a shorter limit to begin answering, then the stream its own', () => {
    let silent = 0;
    const watchdog = new SilenceWatchdog({ limitMs: 8000, onSilent: () => silent++ });
    vi.advanceTimersByTime(7000);
    watchdog.heard(30_000);
    vi.advanceTimersByTime(29_000);
    expect(silent).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(silent).toBe(1);
  });

  it('says nothing once stopped (the page closed the connection itself)', () => {
    let silent = 0;
    const watchdog = new SilenceWatchdog({ limitMs: 1000, onSilent: () => silent++ });
    watchdog.stop();
    vi.advanceTimersByTime(5000);
    expect(silent).toBe(0);
  });
});
