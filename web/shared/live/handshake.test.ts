import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../server/contract/wire.js';
import { RELOAD_GUARD_KEY, onCompatible, onIncompatible } from './handshake.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k), items };
}

describe('the version handshake on the page', () => {
  it('reloads once, then says it is still out of date instead of reloading again', () => {
    const tab = memoryStorage();
    let reloads = 0;
    expect(onIncompatible(tab, () => reloads++)).toBe('reloading');
    expect(tab.items.get(RELOAD_GUARD_KEY)).toBe(String(PROTOCOL_VERSION));
    // The reloaded page is refused again (a stale cache): no loop.
    expect(onIncompatible(tab, () => reloads++)).toBe('still-incompatible');
    expect(reloads).toBe(1);
  });

  it('may reload again for a later upgrade once the server accepted the page', () => {
    const tab = memoryStorage();
    let reloads = 0;
    onIncompatible(tab, () => reloads++);
    onCompatible(tab);
    expect(onIncompatible(tab, () => reloads++)).toBe('reloading');
    expect(reloads).toBe(2);
  });

  it('never reloads where the tab has no storage to remember it did', () => {
    let reloads = 0;
    expect(onIncompatible(null, () => reloads++)).toBe('still-incompatible');
    expect(reloads).toBe(0);
  });
});
