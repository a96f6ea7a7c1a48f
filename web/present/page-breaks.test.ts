import { describe, expect, it } from 'vitest';
import { pageBreaks } from './page-breaks.js';

const column = (...heights: number[]) => {
  let top = 0;
  return heights.map((h) => {
    const box = { top, bottom: top + h };
    top += h + 10;
    return box;
  });
};

describe('pageBreaks', () => {
  it('keeps a list that fits on one page', () => {
    expect(pageBreaks(column(50, 50, 50), 200)).toEqual([0]);
  });

  it('starts a new page at the first item that would cross the bottom', () => {
    // Tops 0, 60, 120, 180, 240; a page of 150 holds the first two (bottom 110), not the third (170).
    expect(pageBreaks(column(50, 50, 50, 50, 50), 150)).toEqual([0, 2, 4]);
  });

  it('keeps the cards of one row together', () => {
    const rows = [
      { top: 0, bottom: 80 },
      { top: 0, bottom: 120 },
      { top: 130, bottom: 170 },
      { top: 130, bottom: 200 },
      { top: 210, bottom: 250 },
    ];
    expect(pageBreaks(rows, 190)).toEqual([0, 2]);
    expect(pageBreaks(rows, 100)).toEqual([0, 2, 4]);
  });

  it('gives an item taller than a page a page of its own', () => {
    expect(pageBreaks(column(50, 400, 50), 150)).toEqual([0, 1, 2]);
  });

  it('counts from the top of the list, not from zero', () => {
    const shifted = column(50, 50, 50).map((b) => ({ top: b.top + 500, bottom: b.bottom + 500 }));
    expect(pageBreaks(shifted, 120)).toEqual([0, 2]);
  });

  it('has one page for an empty list', () => {
    expect(pageBreaks([], 100)).toEqual([0]);
  });
});
