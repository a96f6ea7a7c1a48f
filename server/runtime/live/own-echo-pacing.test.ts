import { describe, expect, it } from 'vitest';
import { OwnEchoPacing } from './own-echo-pacing.js';

const taps = (...types: string[]) => new Set(types);
const people = (...ids: string[]) => new Map(ids.map((id) => [id, taps('sticker.placed')]));

describe('the own-echo pacing', () => {
  const shownAtOnce = new Set(['sticker.placed', 'sticker.removed']);

  it('holds back a person’s sticker taps until their last echo is an interval old, and lets them through then with every tap held', () => {
    const pacing = new OwnEchoPacing(750, shownAtOnce);
    const first = pacing.flush(people('ana'), 1000);
    expect([...first.keys()]).toEqual(['ana']);
    pacing.sent(first.keys(), 1000);
    expect(pacing.flush(new Map([['ana', taps('sticker.placed')]]), 1500)).toEqual(new Map());
    expect(pacing.flush(new Map([['ana', taps('sticker.removed')]]), 1600)).toEqual(new Map());
    expect(pacing.waiting).toBe(1);
    expect(pacing.flush(new Map(), 1700)).toEqual(new Map());
    expect(pacing.flush(new Map(), 1800)).toEqual(new Map([['ana', taps('sticker.placed', 'sticker.removed')]]));
    expect(pacing.waiting).toBe(0);
  });

  it('never holds what a phone does not show at once: a card, taps mixed with one, or a card after held taps', () => {
    const pacing = new OwnEchoPacing(750, shownAtOnce);
    pacing.sent(['ana', 'ben', 'dee'], 1000);
    const arrived = new Map([
      ['ana', taps('card.written')],
      ['ben', taps('sticker.placed', 'card.revised')],
      ['cy', taps('sticker.placed')],
      ['dee', taps('sticker.placed')],
    ]);
    expect([...pacing.flush(arrived, 1100).keys()]).toEqual(['ana', 'ben', 'cy']);
    // Dee's tap is held; her card goes at once, and takes the held tap with it.
    expect(pacing.flush(new Map([['dee', taps('card.written')]]), 1200)).toEqual(new Map([['dee', taps('sticker.placed', 'card.written')]]));
    expect(pacing.waiting).toBe(0);
  });

  it('sends at most the cap of echoes in one update; those due but over it go first in the next, so a crowd due at once is spread over updates', () => {
    const pacing = new OwnEchoPacing(750, shownAtOnce, 2);
    const first = pacing.flush(people('ana', 'ben', 'cy', 'dee', 'eve'), 1000);
    expect([...first.keys()]).toEqual(['ana', 'ben']);
    expect(pacing.waiting).toBe(3);
    pacing.sent(first.keys(), 1000);
    // The next update: two of the three held go first; Ana, echoed at 1000, waits for hers.
    const next = pacing.flush(people('ana'), 1250);
    expect([...next.keys()]).toEqual(['cy', 'dee']);
    pacing.sent(next.keys(), 1250);
    expect([...pacing.flush(new Map(), 1500).keys()]).toEqual(['eve']);
    expect([...pacing.flush(new Map(), 1800).keys()]).toEqual(['ana']);
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
    const pacing = new OwnEchoPacing(10_000, shownAtOnce, Infinity, 60_000, (id) => phones.get(id) ?? 0);
    pacing.sent(['ana', 'ben'], 0);
    expect(pacing.flush(people('ana', 'ben'), 11_000)).toEqual(new Map());
    phones.set('ben', 2);
    pacing.recheck('ben');
    expect([...pacing.flush(new Map(), 11_100).keys()]).toEqual(['ben']);
    expect(pacing.flush(new Map(), 59_000)).toEqual(new Map());
    expect([...pacing.flush(new Map(), 60_100).keys()]).toEqual(['ana']);
  });

  it('everything touching every phone takes everyone held along', () => {
    const pacing = new OwnEchoPacing(750, shownAtOnce);
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
