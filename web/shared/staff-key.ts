/**
 * Facilitators open their screens from links whose fragment carries their key
 * (`#key=…`): browsers never send a fragment to the server, so it stays out of logs.
 * The key is kept in this browser and the fragment removed from the address bar, so it
 * is not on the projector for the room to read.
 */
export function takeStaffKey(code: string): string | null {
  const storageKey = `pd-key:${code}`;
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromHash) {
    localStorage.setItem(storageKey, fromHash);
    // The link's query (`?lang=en,es` on a projector) stays: only the key leaves the address bar.
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return localStorage.getItem(storageKey);
}

export function codeFromPath(): string {
  return (location.pathname.match(/\/([A-Za-z0-9]{6})\/?$/)?.[1] ?? '').toUpperCase();
}
