import { ContextProvider } from '@lit/context';
import type { StaffParts } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { LiveSession } from '../shared/live-session.js';
import { usePalette } from '../shared/palette.js';
import { StaffSession, staffSessionContext } from '../shared/session-context.js';
import { staffCatalog, staffMsg } from '../shared/staff-messages.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import './pd-remote-view.js';

/**
 * The lead's remote: a phone-sized page with the lead's key that moves the room's slides.
 * The session is provided on the body before the view is added, as on the notes page.
 */
async function main() {
  usePalette();
  document.title = staffMsg('pageTitleRemote');
  const provider = new ContextProvider(document.body, { context: staffSessionContext });
  document.body.append(document.createElement('pd-remote-view'));
  const code = codeFromPath();
  const key = takeStaffKey(code);
  if (!key) return problem(staffMsg('noKeyRemote'));
  const live = new LiveSession<StaffParts>({
    code,
    key,
    onRejected: (e) => {
      live.stop();
      problem(staffMsg('refusedScreen', { reason: e.message }));
    },
  });
  try {
    provider.setValue(new StaffSession(live, await bodyOf(live.api.deck.$get({ param: { code }, query: { lang: staffCatalog.lang } }))));
  } catch (error) {
    return problem((error as Error).message);
  }
  live.start();
}

function problem(message: string) {
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.textContent = message;
  box.style.cssText = 'margin:1rem;padding:1rem;border:2px solid var(--pd-danger);background:var(--pd-danger-tint);font:600 1.1rem system-ui';
  document.body.prepend(box);
}

void main();
