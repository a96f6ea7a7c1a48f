import { describe, expect, it } from 'vitest';
import type { StreamMessage } from '../../../server/contract/wire.js';
import { ViewStore } from './view-store.js';

interface Parts {
  session: { slide: number };
  gallery: { cards: string[] } | null;
  me: { name: string };
  myStickers: { left: number };
}

const view = (seq: number, parts: Partial<Parts>, extra: { tags?: Record<string, string>; kept?: (keyof Parts)[] } = {}): StreamMessage<Parts> => ({
  event: 'view',
  id: seq,
  data: { v: 1, seq, ...extra, parts },
});
const patch = (seq: number, parts: Partial<Parts>, tags?: Record<string, string>): StreamMessage<Parts> => ({ event: 'patch', id: seq, data: { v: 1, seq, tags, parts } });

describe('the view store', () => {
  it('takes a full view, then replaces only the parts a patch names', () => {
    const store = new ViewStore<Parts>();
    store.apply(view(5, { session: { slide: 1 }, me: { name: 'Ana' } }));
    store.apply(patch(6, { session: { slide: 2 } }));
    expect(store.parts).toEqual({ session: { slide: 2 }, me: { name: 'Ana' } });
    expect(store.seq).toBe(6);
  });

  it('drops parts a new view leaves out, except the ones it says the page kept', () => {
    const store = new ViewStore<Parts>();
    store.apply(view(5, { session: { slide: 1 }, gallery: { cards: ['a'] }, me: { name: 'Ana' } }, { tags: { gallery: 'g1', session: 's1' } }));
    store.apply(view(9, { session: { slide: 3 }, myStickers: { left: 6 } }, { kept: ['gallery'] }));
    expect(store.parts).toEqual({ session: { slide: 3 }, gallery: { cards: ['a'] }, myStickers: { left: 6 } });
  });

  it('names the tags of the shared parts it holds, for the next reconnect', () => {
    const store = new ViewStore<Parts>();
    expect(store.heldTags()).toBe('');
    store.apply(view(5, { session: { slide: 1 }, gallery: null }, { tags: { session: 's1', gallery: 'g1' } }));
    store.apply(patch(6, { gallery: { cards: ['b'] } }, { gallery: 'g2' }));
    expect(store.heldTags()).toBe('session=s1;gallery=g2');
    // A view's tags replace the set.
    store.apply(view(7, { session: { slide: 2 } }, { tags: { session: 's2' } }));
    expect(store.heldTags()).toBe('session=s2');
  });

  it('keeps a part the page set from its own write until the stream reaches that write', () => {
    const store = new ViewStore<Parts>();
    store.apply(view(5, { myStickers: { left: 6 }, me: { name: 'Ana' } }));
    store.applyLocal('myStickers', { left: 5 }, 8);
    // Made before the write: it must not undo what the page already shows.
    store.apply(patch(7, { myStickers: { left: 6 }, me: { name: 'Ana B' } }));
    expect(store.parts.myStickers).toEqual({ left: 5 });
    expect(store.parts.me).toEqual({ name: 'Ana B' });
    // At the write's position the stream's copy wins again.
    store.apply(patch(8, { myStickers: { left: 4 } }));
    expect(store.parts.myStickers).toEqual({ left: 4 });
    store.apply(patch(9, { myStickers: { left: 3 } }));
    expect(store.parts.myStickers).toEqual({ left: 3 });
  });
});
