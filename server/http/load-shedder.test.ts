import { describe, expect, it, vi } from 'vitest';
import { galleryReady } from '../../tests/unit/gallery-setup.js';
import { DEFAULT_LOAD_LIMITS, LoadShedder, processLoadSignals, StandingLateness } from './load-shedder.js';

/** A shedder over signals the test sets. */
function shedderWith(signals: { lag: number; heap: number; standing?: number }) {
  return new LoadShedder(
    { lagMs: () => signals.lag, standingLagMs: () => signals.standing ?? 0, heapShare: () => signals.heap },
    { maxLagMs: 250, standingLagMs: 200, maxHeapShare: 0.85, maxInFlight: 100 },
  );
}

/** Turns of the event loop as the lateness sampler sees them: each sample `late` ms after it was due. */
function turns(standing: StandingLateness, from: number, lates: number[]): number {
  let now = from;
  for (const late of lates) {
    now += 20 + late;
    standing.add(now, late);
  }
  return now;
}

describe('a standing queue, not a single long turn (CoDel-like)', () => {
  it('one long turn among short ones refuses nothing; turns that stay long for a second refuse a share, all of them at twice the target; the first short turn ends it', () => {
    const standing = new StandingLateness(1000);
    // Requests whose draws are spread evenly: the share refused is the share of draws below it.
    let draw = 0;
    const shedder = new LoadShedder({ lagMs: () => 0, standingLagMs: () => standing.minimum(now), heapShare: () => 0 }, DEFAULT_LOAD_LIMITS, () => (draw = (draw + 0.01) % 1));
    const refusedOf100 = () => Array.from({ length: 100 }, () => shedder.verdict()).filter(Boolean).length;
    // A server keeping up: short turns, one 900 ms stall (a collection, a fan-out) among them.
    let now = turns(standing, 0, [2, 3, 1, 900, 4, 2, 1]);
    expect(refusedOf100()).toBe(0);
    // Every turn 600 ms or longer, but for less than a second yet: not standing.
    now = turns(standing, now, [600]);
    expect(standing.minimum(now)).toBeLessThan(500);
    expect(refusedOf100()).toBe(0);
    // ...and for more than a second: a queue the server is not working off. 650 ms is 30 %
    // above the 500 ms target: about 30 of 100 refused, told to come back in a second.
    now = turns(standing, now, [650, 700]);
    expect(standing.minimum(now)).toBe(650);
    const share = refusedOf100();
    expect(share).toBeGreaterThanOrEqual(25);
    expect(share).toBeLessThanOrEqual(35);
    let refusal = shedder.verdict();
    while (!refusal) refusal = shedder.verdict();
    expect(refusal).toEqual({ reason: 'busy', retryAfterS: 1 });
    // At twice the target and more, every one.
    now = turns(standing, now, [1100, 1200]);
    expect(refusedOf100()).toBe(100);
    // A short turn: the queue emptied once; phones are served again.
    now = turns(standing, now, [5]);
    expect(refusedOf100()).toBe(0);
  });

  it('a sampler that has just woken, with one long first turn, says nothing yet', () => {
    const standing = new StandingLateness(1000);
    const now = turns(standing, 10_000, [700]);
    expect(standing.minimum(now)).toBe(0);
    expect(standing.minimum(now + 200)).toBe(0);
  });
});

describe('shedding load instead of falling over', () => {
  it('refuses when the loop is late, the heap is near its limit or too much is in flight, and says when to come back', () => {
    const signals = { lag: 0, heap: 0.5 };
    const shedder = shedderWith(signals);
    expect(shedder.verdict()).toBeNull();
    signals.lag = 1200;
    expect(shedder.verdict()).toEqual({ reason: 'busy', retryAfterS: 3 });
    signals.lag = 0;
    signals.heap = 0.9;
    expect(shedder.verdict()).toEqual({ reason: 'memory', retryAfterS: 5 });
    signals.heap = 0.5;
    shedder.inFlight = 101;
    expect(shedder.verdict()?.reason).toBe('queue');
    expect(shedder.refused).toEqual({ busy: 1, memory: 1, queue: 1 });
  });

  it('a busy server answers a participant’s sticker and a new phone stream with 503 and Retry-After, stores nothing, and lets the facilitators through', async () => {
    const signals = { lag: 0, heap: 0.1 };
    const { t, code, leadKey, phones, cardsOn, runtime } = await galleryReady(2, ['parent', 'teacher'], { load: shedderWith(signals) });
    signals.lag = 800;
    const seqBefore = runtime.state.seq;
    const card = cardsOn('agreements')[1];
    const refused = await t.call('POST', `/api/sessions/${code}/stickers`, { key: phones[0].token, body: { cardId: card }, op: 'same-key-123' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.json.error.code).toBe('overloaded');
    expect(runtime.state.seq).toBe(seqBefore);
    const stream = await t.app.request(`/api/sessions/${code}/stream`, { headers: { authorization: `Bearer ${phones[1].token}` } });
    expect(stream.status).toBe(503);
    // A wall page is a cached read: it goes through.
    expect((await t.call('GET', `/api/sessions/${code}/walls/agreements/pages/0`, { key: phones[0].token })).status).toBe(200);
    // The lead still moves the deck.
    expect((await t.showSlide(code, leadKey, 23)).status).toBe(200);
    // Once the server keeps up again, the phone's retry with the same key is applied, once.
    signals.lag = 0;
    const retried = await t.call('POST', `/api/sessions/${code}/stickers`, { key: phones[0].token, body: { cardId: card }, op: 'same-key-123' });
    const again = await t.call('POST', `/api/sessions/${code}/stickers`, { key: phones[0].token, body: { cardId: card }, op: 'same-key-123' });
    expect(retried.status).toBe(201);
    expect(again.json.stickerId).toBe(retried.json.stickerId);
    t.close();
  });

  it('an idle server is not woken 50 times a second: the lateness timer runs while requests come in, and stops a second after', () => {
    vi.useFakeTimers();
    try {
      const signals = processLoadSignals();
      const shedder = new LoadShedder(signals);
      // Idle: only the heap reader (four times a second) is scheduled.
      expect(vi.getTimerCount()).toBe(1);
      vi.advanceTimersByTime(5000);
      expect(vi.getTimerCount()).toBe(1);
      shedder.enter();
      expect(vi.getTimerCount()).toBe(2);
      vi.advanceTimersByTime(3000);
      // A long request still in flight, with nothing coming in: sampling has stopped.
      expect(vi.getTimerCount()).toBe(1);
      shedder.leave();
      expect(vi.getTimerCount()).toBe(2);
      vi.advanceTimersByTime(900);
      expect(vi.getTimerCount()).toBe(2);
      vi.advanceTimersByTime(200);
      expect(vi.getTimerCount()).toBe(1);
      signals.stop();
      shedder.enter();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a facilitator moving the slides every second does not keep the lateness timer running: only requests it may refuse do', () => {
    vi.useFakeTimers();
    try {
      const signals = processLoadSignals();
      const shedder = new LoadShedder(signals);
      // A talk: the lead's slide change every second, nobody else writing. Only the heap reader is scheduled.
      for (let change = 0; change < 5; change++) {
        shedder.enter(false);
        shedder.leave(false);
        expect(vi.getTimerCount()).toBe(1);
        vi.advanceTimersByTime(1000);
      }
      expect(shedder.inFlight).toBe(0);
      // A participant's write wakes it.
      shedder.enter();
      expect(vi.getTimerCount()).toBe(2);
      shedder.leave();
      signals.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a loop that falls behind while requests come in is measured late and refuses participants', async () => {
    const signals = processLoadSignals();
    const shedder = new LoadShedder(signals, { maxLagMs: 100, standingLagMs: Infinity, maxHeapShare: 1, maxInFlight: 100 });
    try {
      shedder.enter();
      // The loop is held for 600 ms: the sampler due after 20 ms runs about 580 ms late.
      const until = performance.now() + 600;
      while (performance.now() < until);
      // Read right after that late sample (later on-time samples smooth it away).
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(shedder.verdict()?.reason).toBe('busy');
    } finally {
      signals.stop();
    }
  });
});
