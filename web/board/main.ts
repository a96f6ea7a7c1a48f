import { apiClient } from '../shared/live/api-client.js';
import { usePalette } from '../shared/palette.js';
import { codeFromPath } from '../shared/staff-key.js';
import './pd-board-page.js';

// The laptop at a group's table: the board's read-only key comes in the link's fragment
// (never sent to the server in a URL) or from the short code typed on the page.
usePalette();
const code = codeFromPath();
const storageKey = `pd-board:${code}`;
const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
if (fromHash) {
  sessionStorage.setItem(storageKey, fromHash);
  history.replaceState(null, '', location.pathname);
}
const page = document.createElement('pd-board-page');
page.code = code;
page.api = apiClient().api.sessions[':code'];
page.boardKey = sessionStorage.getItem(storageKey);
page.addEventListener('pd-board-key', (e) => sessionStorage.setItem(storageKey, (e as CustomEvent<string>).detail));
document.body.append(page);
