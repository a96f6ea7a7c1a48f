import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_RETRY_MS, LONGEST_RETRY_MS, ReconnectLoop, nextWait, type Outcome } from './reconnect.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A server whose connections the test ends by hand. */
function server() {
  const attempts: { at: number; end: (outcome: Outcome) => void; signal: AbortSignal }[] = [];
  const connect = (signal: AbortSignal) => new Promise<Outcome>((end) => attempts.push({ at: Date.now(), end, signal }));
  return { attempts, connect };
}

describe('the reconnect loop', () => {
  it('waits longer after each drop, with jitter, but never more than a few seconds', () => {
    let base = FIRST_RETRY_MS;
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { waitMs, nextBaseMs } = nextWait(base, 0.5);
      waits.push(waitMs);
      base = nextBaseMs;
    }
    expect(waits).toEqual([500, 1000, 2000, 3000, 3000, 3000]);
    expect(nextWait(1000, 0).waitMs).toBe(750);
    expect(nextWait(1000, 1).waitMs).toBe(1250);
    expect(nextWait(LONGEST_RETRY_MS, 1).waitMs).toBeLessThanOrEqual(LONGEST_RETRY_MS * 1.25);
  });

  it('opens the connection again after a drop, and starts over once one was healthy', async () => {
    const s = server();
    let downs = 0;
    const loop = new ReconnectLoop({ connect: s.connect, onDown: () => downs++, random: () => 0.5 });
    loop.start();
    expect(s.attempts).toHaveLength(1);
    s.attempts[0].end('again');
    await vi.advanceTimersByTimeAsync(499);
    expect(s.attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.attempts).toHaveLength(2);
    s.attempts[1].end('again');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.attempts).toHaveLength(3);
    // This one gets a full view: the next drop waits the shortest time again.
    loop.healthy();
    s.attempts[2].end('again');
    await vi.advanceTimersByTimeAsync(500);
    expect(s.attempts).toHaveLength(4);
    expect(downs).toBe(3);
  });

  it('treats a failed attempt as a drop, and stops for good when the server refuses the page', async () => {
    let calls = 0;
    const loop = new ReconnectLoop({ connect: async () => (++calls === 1 ? Promise.reject(new TypeError('offline')) : 'stop'), random: () => 0.5 });
    loop.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(2);
  });

  it('aborts the open connection and tries no more once stopped', async () => {
    const s = server();
    const loop = new ReconnectLoop({ connect: s.connect, random: () => 0.5 });
    loop.start();
    loop.stop();
    expect(s.attempts[0].signal.aborted).toBe(true);
    s.attempts[0].end('again');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.attempts).toHaveLength(1);
  });
});
