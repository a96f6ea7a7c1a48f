import { describe, expect, it } from 'vitest';
import { OwnEchoPacing } from './own-echo-pacing.js';

const taps = (...types: string[]) => new Set(types);
const people = (...ids: string[]) => new Map(ids.map((id) => [id, taps('sticker.placed')]));
const shownAtOnce = new Set(['sticker.placed', 'sticker.removed']);
/** A 750 ms pacing whose every wait is drawn at `draw` of its range (1: the longest, 0: the shortest). */
const drawnAt = (draw: number, cap = Infinity) =>
  new OwnEchoPacing(
    750,
    shownAtOnce,
    cap,
    750,
    () => 2,
    () => draw,
  );

describe('the own-echo pacing', () => {
  it('holds back a person’s sticker taps until their drawn wait is over, and lets them through then with every tap held', () => {
    // Every wait drawn at its longest: the first echo half an interval after the first tap, then a whole interval apart.
    const pacing = drawnAt(1);
    expect(pacing.flush(people('ana'), 1000)).toEqual(new Map());
    expect(pacing.flush(new Map(), 1300)).toEqual(new Map());
    const first = pacing.flush(new Map(), 1400);
    expect([...first.keys()]).toEqual(['ana']);
    pacing.sent(first.keys(), 1400);
    expect(pacing.flush(new Map([['ana', taps('sticker.placed')]]), 1500)).toEqual(new Map());
    expect(pacing.flush(new Map([['ana', taps('sticker.removed')]]), 1600)).toEqual(new Map());
    expect(pacing.waiting).toBe(1);
    expect(pacing.flush(new Map(), 2100)).toEqual(new Map());
    expect(pacing.flush(new Map(), 2200)).toEqual(new Map([['ana', taps('sticker.placed', 'sticker.removed')]]));
    expect(pacing.waiting).toBe(0);
  });

  it('spreads a room’s echoes over the interval instead of sending them in waves', () => {
    const pacing = new OwnEchoPacing(10_000, shownAtOnce);
    const crowd = Array.from({ length: 2000 }, (_, i) => `p${i}`);
    // Everyone taps at the walk's start, is echoed, and taps again at once.
    const sentAt = new Map<string, number>();
    for (let now = 0; sentAt.size < crowd.length && now <= 5_000; now += 250) {
      const echoed = pacing.flush(now === 0 ? people(...crowd) : new Map(), now);
      pacing.sent(echoed.keys(), now);
      for (const id of echoed.keys()) sentAt.set(id, now);
    }
    expect(sentAt.size).toBe(crowd.length);
    const firstEchoes = [...sentAt.values()];
    pacing.flush(people(...crowd), 5_001);
    const perUpdate: number[] = [];
    const gaps: number[] = [];
    for (let now = 5_250; now <= 16_000; now += 250) {
      const echoed = pacing.flush(new Map(), now);
      pacing.sent(echoed.keys(), now);
      perUpdate.push(echoed.size);
      for (const id of echoed.keys()) gaps.push(now - sentAt.get(id)!);
    }
    // The first echoes came over the first half interval, about as many in each update.
    expect(Math.max(...firstEchoes)).toBeLessThanOrEqual(5_000);
    expect(Math.max(...new Map(firstEchoes.map((at) => [at, firstEchoes.filter((a) => a === at).length])).values())).toBeLessThan(crowd.length / 10);
    // The second ones: everyone's, each between half an interval and a whole one (and a slot) after the first, never a wave.
    expect(gaps.length).toBe(crowd.length);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_300);
    expect(Math.max(...perUpdate)).toBeLessThan(crowd.length / 10);
  });

  it('never holds what a phone does not show at once: a card, taps mixed with one, or a card after held taps', () => {
    const pacing = drawnAt(1);
    pacing.sent(['ana', 'ben', 'dee'], 1000);
    const arrived = new Map([
      ['ana', taps('card.written')],
      ['ben', taps('sticker.placed', 'card.revised')],
      ['cy', taps('sticker.placed')],
      ['dee', taps('sticker.placed')],
    ]);
    // Cy's and Dee's taps are held (Cy's first echo is drawn too); the card and the mix go at once.
    expect([...pacing.flush(arrived, 1100).keys()]).toEqual(['ana', 'ben']);
    expect(pacing.waiting).toBe(2);
    // Dee's card goes at once, and takes her held tap with it.
    expect(pacing.flush(new Map([['dee', taps('card.written')]]), 1200)).toEqual(new Map([['dee', taps('sticker.placed', 'card.written')]]));
    expect(pacing.waiting).toBe(1);
  });

  it('sends at most the cap of echoes in one update; those due but over it go first in the next', () => {
    // Waits drawn at their shortest: a first echo is due at once, the next half an interval on.
    const pacing = drawnAt(0, 2);
    const first = pacing.flush(people('ana', 'ben', 'cy', 'dee', 'eve'), 1000);
    expect([...first.keys()]).toEqual(['ana', 'ben']);
    expect(pacing.waiting).toBe(3);
    pacing.sent(first.keys(), 1000);
    // The next update: two of the three held go first; Ana, echoed at 1000, waits for hers.
    const next = pacing.flush(people('ana'), 1250);
    expect([...next.keys()]).toEqual(['cy', 'dee']);
    pacing.sent(next.keys(), 1250);
    expect([...pacing.flush(new Map(), 1300).keys()]).toEqual(['eve']);
    expect([...pacing.flush(new Map(), 1400).keys()]).toEqual(['ana']);
    // A card is never held, whatever the cap.
    const withCard = pacing.flush(
      new Map([
        ['fay', taps('card.written')],
        ['gus', taps('sticker.placed')],
        ['hal', taps('sticker.placed')],
        ['ivy', taps('sticker.placed')],
      ]),
      5000,
    );
    expect([...withCard.keys()]).toEqual(['fay', 'gus', 'hal']);
    expect(pacing.waiting).toBe(1);
  });

  it('a person with one phone waits the longer interval; a second phone connecting brings the shorter one back at once', () => {
    const phones = new Map([
      ['ana', 1],
      ['ben', 1],
    ]);
    const pacing = new OwnEchoPacing(
      10_000,
      shownAtOnce,
      Infinity,
      60_000,
      (id) => phones.get(id) ?? 0,
      () => 1,
    );
    pacing.sent(['ana', 'ben'], 0);
    expect(pacing.flush(people('ana', 'ben'), 11_000)).toEqual(new Map());
    phones.set('ben', 2);
    pacing.recheck('ben', 11_000);
    expect([...pacing.flush(new Map(), 11_100).keys()]).toEqual(['ben']);
    expect(pacing.flush(new Map(), 59_000)).toEqual(new Map());
    expect([...pacing.flush(new Map(), 60_100).keys()]).toEqual(['ana']);
  });

  it('everything touching every phone takes everyone held along', () => {
    const pacing = drawnAt(1);
    pacing.sent(['ana', 'ben'], 1000);
    pacing.flush(people('ana', 'ben'), 1100);
    const dirty = new Map([['ben', taps('sticker.removed')]]);
    pacing.releaseAll(dirty);
    expect(dirty).toEqual(
      new Map([
        ['ben', taps('sticker.removed', 'sticker.placed')],
        ['ana', taps('sticker.placed')],
      ]),
    );
    expect(pacing.waiting).toBe(0);
    expect(pacing.flush(new Map(), 5000)).toEqual(new Map());
  });
});
