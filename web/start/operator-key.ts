const STORAGE_KEY = 'pd-operator-key';

/**
 * The operator opens the start page from the link the server printed in its terminal,
 * whose fragment carries the operator key (`#operator=…`): browsers never send a fragment
 * to the server, so it stays out of logs. The key is taken out of the address bar at once
 * (so it is not left on screen or in a shared link) and kept in this tab's session
 * storage: a reload keeps working, and closing the tab forgets it, which suits the one key
 * that can start and delete every session on a shared school computer.
 */
export function takeOperatorKey(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('operator');
  if (fromHash) {
    sessionStorage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(null, '', location.pathname);
    return fromHash;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

/** Forgets a key the server no longer accepts. */
export function forgetOperatorKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
