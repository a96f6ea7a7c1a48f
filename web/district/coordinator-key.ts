const STORAGE_KEY = 'pd-coordinator-key';

/**
 * The district coordinator opens this page from the link the operator gave them, whose
 * fragment carries their key (`#key=…`): browsers never send a fragment to the server.
 * It is taken out of the address bar at once and kept in this tab's session storage.
 */
export function takeCoordinatorKey(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromHash) {
    sessionStorage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(null, '', location.pathname);
    return fromHash;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
