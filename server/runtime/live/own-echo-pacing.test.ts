import { describe, expect, it } from 'vitest';
import { OwnEchoPacing } from './own-echo-pacing.js';

const taps = (...types: string[]) => new Set(types);

describe('the own-echo pacing', () => {
  const shownAtOnce = new Set(['sticker.placed', 'sticker.removed']);

  it('holds back a person’s sticker taps until their last echo is an interval old, and lets them through then', () => {
    const pacing = new OwnEchoPacing(750, shownAtOnce);
    const first = new Map([['ana', taps('sticker.placed')]]);
    expect(pacing.hold(first, 1000)).toEqual(new Map());
    pacing.sent(first.keys(), 1000);
    const soon = new Map([['ana', taps('sticker.placed', 'sticker.removed')]]);
    expect(pacing.hold(soon, 1500)).toEqual(new Map([['ana', taps('sticker.placed', 'sticker.removed')]]));
    expect(soon.size).toBe(0);
    const later = new Map([['ana', taps('sticker.placed')]]);
    expect(pacing.hold(later, 1750)).toEqual(new Map());
    expect([...later.keys()]).toEqual(['ana']);
  });

  it('never holds what a phone does not show at once: a card, or taps mixed with one', () => {
    const pacing = new OwnEchoPacing(750, shownAtOnce);
    pacing.sent(['ana', 'ben'], 1000);
    const dirty = new Map([
      ['ana', taps('card.written')],
      ['ben', taps('sticker.placed', 'card.revised')],
      ['cy', taps('sticker.placed')],
    ]);
    expect(pacing.hold(dirty, 1100)).toEqual(new Map());
    expect([...dirty.keys()]).toEqual(['ana', 'ben', 'cy']);
  });

  it('sends at most the cap of echoes in one flush; the rest go first in the next, so a crowd due at once is spread over flushes', () => {
    const pacing = new OwnEchoPacing(750, shownAtOnce, 2);
    const crowd = () => new Map(['ana', 'ben', 'cy', 'dee', 'eve'].map((id) => [id, taps('sticker.placed')]));
    const first = crowd();
    const held = pacing.hold(first, 1000);
    expect([...first.keys()]).toEqual(['ana', 'ben']);
    expect([...held.keys()]).toEqual(['cy', 'dee', 'eve']);
    pacing.sent(first.keys(), 1000);
    // The next flush: the three held come first in line, and two of them go.
    const next = new Map([...held, ['ana', taps('sticker.placed')]]);
    expect([...pacing.hold(next, 1250).keys()]).toEqual(['eve', 'ana']);
    expect([...next.keys()]).toEqual(['cy', 'dee']);
    // A card is never held, whatever the cap.
    const withCard = new Map([['fay', taps('card.written')], ['gus', taps('sticker.placed')], ['hal', taps('sticker.placed')], ['ivy', taps('sticker.placed')]]);
    expect([...pacing.hold(withCard, 5000).keys()]).toEqual(['ivy']);
    expect([...withCard.keys()]).toEqual(['fay', 'gus', 'hal']);
  });
});
