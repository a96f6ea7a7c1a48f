import { describe, expect, it } from 'vitest';
import type { WallPage } from '../../server/contract/parts.js';
import { REFRESH_SPREAD_MS, WallPagesLoader } from './wall-pages-loader.js';

/** A wall of `n` cards served 2 to a page, with every request and wait recorded. */
function wallOf(n: number) {
  let cards = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, text: `Card ${i}` }));
  const asked: number[] = [];
  const waits: number[] = [];
  let failNext = 0;
  const loader = new WallPagesLoader({
    fetchPage: async (wall, page): Promise<WallPage> => {
      asked.push(page);
      if (failNext > 0) {
        failNext--;
        throw new Error('offline');
      }
      return { wall, page, cards: cards.slice(page * 2, page * 2 + 2) };
    },
    onChange: () => {},
    wait: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  });
  const listing = (tag = 't1') => ({ id: 'w', cards: cards.length, pages: Math.ceil(cards.length / 2), tag });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    loader,
    asked,
    waits,
    listing,
    settle,
    failOnce: () => (failNext = 1),
    setCards: (next: typeof cards) => (cards = next),
  };
}

describe('a wall on a phone, a page at a time', () => {
  it('reads the first page when the wall is shown, and the next on "show more"', async () => {
    const w = wallOf(5);
    w.loader.sync(w.listing());
    w.loader.sync(w.listing());
    await w.settle();
    expect(w.asked).toEqual([0]);
    expect(w.loader.cards('w').map((c) => c.text)).toEqual(['Card 0', 'Card 1']);
    w.loader.more(w.listing());
    await w.settle();
    w.loader.more(w.listing());
    await w.settle();
    w.loader.more(w.listing());
    await w.settle();
    expect(w.asked).toEqual([0, 1, 2]);
    expect(w.loader.cards('w')).toHaveLength(5);
    expect(w.waits).toEqual([]);
  });

  it('reads the pages it holds again when the wall changes, spread out in time', async () => {
    const w = wallOf(4);
    w.loader.sync(w.listing());
    await w.settle();
    w.loader.more(w.listing());
    await w.settle();
    w.setCards([{ id: 'c1', text: 'Card 1' }, { id: 'c2', text: 'Card 2' }, { id: 'c3', text: 'Card 3' }]);
    w.loader.sync(w.listing('t2'));
    await w.settle();
    expect(w.asked).toEqual([0, 1, 0, 1]);
    expect(w.waits).toEqual([REFRESH_SPREAD_MS / 2]);
    expect(w.loader.cards('w').map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('asks again after a failed read, waiting longer each time', async () => {
    const w = wallOf(3);
    w.failOnce();
    w.loader.sync(w.listing());
    await w.settle();
    await w.settle();
    expect(w.asked).toEqual([0, 0]);
    expect(w.waits).toHaveLength(1);
    expect(w.loader.status('w')).toEqual({ loading: false, failed: false, loaded: true });
  });
});
