import { PROTOCOL_VERSION } from '../../../server/contract/wire.js';

/**
 * What a page does when the server says it speaks another protocol version (the server
 * was upgraded while the page stayed open): reload once to get the matching page. If the
 * reloaded page is still refused (a cache served the old one again), it must not reload
 * forever: it says so instead. The guard lives in sessionStorage, per tab, and names the
 * version that reloaded, so a later upgrade may reload once again.
 */
export const RELOAD_GUARD_KEY = 'pd-reloaded-for-protocol';

type GuardStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Reloads, unless this page version already did: then returns 'still-incompatible'. */
export function onIncompatible(storage: GuardStorage | null, reload: () => void): 'reloading' | 'still-incompatible' {
  const reloaded = safely(() => storage?.getItem(RELOAD_GUARD_KEY));
  if (!storage || reloaded === String(PROTOCOL_VERSION)) return 'still-incompatible';
  safely(() => storage.setItem(RELOAD_GUARD_KEY, String(PROTOCOL_VERSION)));
  reload();
  return 'reloading';
}

/** The server accepted this page: a later mismatch may reload once again. */
export function onCompatible(storage: GuardStorage | null): void {
  safely(() => storage?.removeItem(RELOAD_GUARD_KEY));
}

/** The tab's sessionStorage, or null where there is none (private browsing on old phones). */
export function tabStorage(): GuardStorage | null {
  return safely(() => globalThis.sessionStorage ?? null) ?? null;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
