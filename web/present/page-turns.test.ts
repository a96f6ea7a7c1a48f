import { describe, expect, it } from 'vitest';
import { PAGE_MS, PageTurns } from './page-turns.js';

// A moment far from any multiple of PAGE_MS, so counting from the wall clock would not start at 0.
const SHOWN = 1_700_000_005_000;

describe('PageTurns', () => {
  it('opens on the first turn when the list comes into view, whatever the wall clock says', () => {
    const turns = new PageTurns();
    turns.begin(SHOWN);
    expect(turns.current(SHOWN)).toBe(0);
    expect(turns.current(SHOWN + PAGE_MS - 1)).toBe(0);
  });

  it('moves to the next turn every PAGE_MS while in view', () => {
    const turns = new PageTurns();
    turns.begin(SHOWN);
    turns.begin(SHOWN + PAGE_MS); // seen again while still in view: keeps counting
    expect(turns.current(SHOWN + PAGE_MS)).toBe(1);
    expect(turns.current(SHOWN + 3 * PAGE_MS + 1)).toBe(3);
  });

  it('starts again from the first turn when the list comes back into view', () => {
    const turns = new PageTurns();
    turns.begin(SHOWN);
    turns.stop();
    expect(turns.current(SHOWN + 5 * PAGE_MS)).toBe(0);
    turns.begin(SHOWN + 5 * PAGE_MS + 300);
    expect(turns.current(SHOWN + 6 * PAGE_MS)).toBe(0);
  });

  it('starts again from the moment the lead picks a page', () => {
    const turns = new PageTurns();
    turns.begin(SHOWN);
    turns.restart(SHOWN + 2 * PAGE_MS + 500);
    expect(turns.current(SHOWN + 2 * PAGE_MS + 600)).toBe(0);
    expect(turns.current(SHOWN + 3 * PAGE_MS + 500)).toBe(1);
  });
});
