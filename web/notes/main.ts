import { ContextProvider } from '@lit/context';
import type { StaffParts } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { LiveSession } from '../shared/live-session.js';
import { usePalette } from '../shared/palette.js';
import { StaffSession, staffSessionContext } from '../shared/session-context.js';
import { staffCatalog, staffMsg } from '../shared/staff-messages.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import './pd-notes-view.js';

/**
 * The notes view's page: the session is provided on the document body (@lit/context)
 * before the view is added, so the view and all its panels find it when they connect.
 */
async function main() {
  usePalette();
  const provider = new ContextProvider(document.body, { context: staffSessionContext });
  document.body.append(document.createElement('pd-notes-view'));
  const code = codeFromPath();
  const key = takeStaffKey(code);
  if (!key) return problem(staffMsg('noKeyNotes'));
  const live = new LiveSession<StaffParts>({
    code,
    key,
    onRejected: (e) => {
      live.stop();
      problem(staffMsg('refusedScreen', { reason: e.message }));
    },
  });
  try {
    // The slides' texts in the reader's language (facilitator notes may stay in the deck's first).
    const deck = await bodyOf(live.api.deck.$get({ param: { code }, query: { lang: staffCatalog.lang } }));
    document.title = staffMsg('pageTitleNotes', { deck: deck.title });
    // The key names its holder (`coach.…`): the coach's notes view is read-only.
    const role = key.startsWith('coach.') ? 'coach' : key.startsWith('lead.') ? 'lead' : 'support';
    provider.setValue(new StaffSession(live, deck, role));
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
