import { ContextProvider } from '@lit/context';
import type { StaffParts } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { LiveSession } from '../shared/live-session.js';
import { usePalette } from '../shared/palette.js';
import { StaffSession, staffSessionContext } from '../shared/session-context.js';
import { staffCatalog, staffMsg } from '../shared/staff-messages.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import './pd-preparation-page.js';

/**
 * The preparation page, opened from the start page or the link `npm start` prints, with
 * the lead's key. It follows the session live, so two people preparing see each other's
 * changes, and the preview shows the slides as the projector will.
 */
async function main() {
  usePalette();
  document.title = staffMsg('pageTitlePrepare');
  const provider = new ContextProvider(document.body, { context: staffSessionContext });
  const page = document.createElement('pd-preparation-page');
  document.body.append(page);
  const code = codeFromPath();
  const key = takeStaffKey(code);
  if (!key) return problem(staffMsg('noKeyPrepare'));
  page.staffKey = key;
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
