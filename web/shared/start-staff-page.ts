import { ContextProvider } from '@lit/context';
import type { StaffParts } from '../../server/contract/parts.js';
import { bodyOf } from './live/api-client.js';
import { LiveSession } from './live-session.js';
import { usePalette } from './palette.js';
import { StaffSession, staffSessionContext, type StaffDeck } from './session-context.js';
import { staffCatalog, staffMsg } from './staff-messages.js';
import { codeFromPath, takeStaffKey } from './staff-key.js';

export interface StaffPage {
  /** The page's root element; it is on the page before the session is provided, so it and its panels find the session when they connect. */
  root: HTMLElement;
  /** What the page says when its address carries no key (each page names itself). */
  noKeyMessage: string;
  /** The page's title once the deck is known (the notes view names the deck). */
  titleFor?: (deck: StaffDeck) => string;
  /** Called with the key before the session opens (the preparation page uploads images with it). */
  onKey?: (key: string) => void;
}

/**
 * Starts a facilitator's page (notes view, remote, preparation): takes the key from the
 * address's fragment (and clears it from the bar), opens the session live, reads the deck
 * in the reader's language and provides both on the document body through @lit/context.
 * Without a key, or when the server refuses it, the page says why in an alert.
 */
export async function startStaffPage({ root, noKeyMessage, titleFor, onKey }: StaffPage): Promise<void> {
  usePalette();
  const provider = new ContextProvider(document.body, { context: staffSessionContext });
  document.body.append(root);
  const code = codeFromPath();
  const key = takeStaffKey(code);
  if (!key) return problem(noKeyMessage);
  onKey?.(key);
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
    if (titleFor) document.title = titleFor(deck);
    // The key names its holder (`coach.…`): the coach's notes view is read-only.
    const role = key.startsWith('coach.') ? 'coach' : key.startsWith('support.') ? 'support' : 'lead';
    provider.setValue(new StaffSession(live, deck, role));
  } catch (error) {
    return problem((error as Error).message);
  }
  live.start();
}

function problem(message: string): void {
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.textContent = message;
  box.style.cssText = 'margin:1rem;padding:1rem;border:2px solid var(--pd-danger);background:var(--pd-danger-tint);font:600 1.1rem system-ui';
  document.body.prepend(box);
}
