import { LiveSession } from '../shared/live-session.js';
import { setCurrentDeck, setCurrentSession } from '../shared/current-session.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import type { DeckInfo } from '../shared/view-types.js';
import './pd-notes-view.js';

async function main() {
  const code = codeFromPath();
  const key = takeStaffKey(code);
  if (!key) return problem('This notes link has no key. Open the notes link printed when the session started.');
  const live = new LiveSession({ code, key, onRejected: (e) => problem(`The server refused this screen: ${e.message}`) });
  try {
    setCurrentDeck(await live.get<DeckInfo>('/deck'));
  } catch (error) {
    return problem((error as Error).message);
  }
  setCurrentSession(live);
  live.start();
}

function problem(message: string) {
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.textContent = message;
  box.style.cssText = 'margin:1rem;padding:1rem;border:2px solid #b91c1c;background:#fde8e8;font:600 1.1rem system-ui';
  document.body.prepend(box);
}

void main();
