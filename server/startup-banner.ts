import QRCode from 'qrcode';
import { sessionLinks } from './http/links.js';
import type { LiveSession, SessionRegistry } from './runtime/session-registry.js';
import type { KeyRing } from './store/key-ring.js';
import type { OperatorKey } from './store/operator-key.js';

/** A session the operator started within this many hours is resumed at start-up rather than replaced. */
export const RESUME_WITHIN_HOURS = 12;
/** At most this many sessions' links in the terminal; the start page lists them all. */
const MOST_SHOWN = 5;

/**
 * Which sessions the terminal offers at start, newest first. The rule: a session is shown
 * only if it is loaded (not set aside), was started within RESUME_WITHIN_HOURS, and its
 * row carries the mark of *this* operator key. A row from an older version (no mark), one
 * written into the file by anyone else, or one started under an earlier operator key is
 * never shown, however recent: its presenter link would hand the deck to whoever made it.
 * Those sessions are on the operator's start page, where the operator can look at them.
 */
export function sessionsToShow(registry: SessionRegistry, operator: OperatorKey, now: number): LiveSession[] {
  const since = now - RESUME_WITHIN_HOURS * 3600_000;
  return registry
    .all()
    .filter(({ runtime }) => {
      const row = registry.row(runtime.code);
      return row !== undefined && row.startedBy === operator.startedByMark && row.createdAt > since;
    })
    .sort((a, b) => registry.row(b.runtime.code)!.createdAt - registry.row(a.runtime.code)!.createdAt);
}

/** What `npm start` prints: the start page link (with the operator key) and the shown sessions' links. */
export async function startupBanner(options: {
  port: number;
  dataDir: string;
  publicUrl: string;
  operator: OperatorKey;
  keys: KeyRing;
  registry: SessionRegistry;
  shown: LiveSession[];
  /** Whether the first of `shown` was just created (rather than resumed). */
  created: boolean;
}): Promise<string> {
  const { publicUrl, keys, registry, shown } = options;
  const lines = [`Partnerdeck is running on port ${options.port} (data in ${options.dataDir}).`, ''];
  lines.push(`  Start page (operator):          ${publicUrl}/#operator=${options.operator.value}`, '');
  if (!options.created) lines.push(`Your sessions from the last ${RESUME_WITHIN_HOURS} hours, newest first:`, '');
  const listed = shown.slice(0, MOST_SHOWN);
  for (const [i, { runtime }] of listed.entries()) {
    const links = sessionLinks(publicUrl, runtime.code, keys.staffKey(runtime.id, 'lead'), keys.staffKey(runtime.id, 'support'));
    const school = runtime.state.schoolName ? ` (${runtime.state.schoolName})` : '';
    const verb = i === 0 ? (options.created ? 'New session' : 'Resuming session') : 'Session';
    lines.push(`${verb} ${runtime.code}: ${runtime.deck.title}${school}`, '');
    lines.push(`  Prepare (before the workshop):  ${links.prepare}`);
    lines.push(`  Presenter (lead facilitator):   ${links.present}`);
    lines.push(`  Notes view (support):           ${links.notes}`);
    lines.push(`  Remote (lead, on a phone):      ${links.remote}`);
    lines.push(`  Participants join:              ${links.join}   code ${runtime.code}`, '');
    if (i === 0) lines.push(await QRCode.toString(links.join, { type: 'terminal', small: true }));
  }
  const others = registry.all().length + registry.setAside().length - listed.length;
  if (others > 0) {
    const what = others === 1 ? '1 other session on this server is' : `${others} other sessions on this server are`;
    lines.push(`${what} listed on the start page.`);
  }
  lines.push('Keep these links private. The start page link carries the operator key, which starts and');
  lines.push('deletes sessions; the presenter and notes links carry the facilitators\' keys.', '');
  return lines.join('\n');
}

/**
 * What an instance sharing a Postgres database prints: the start page link (the operator
 * key is the same on every instance) and where the other instances reach it. It starts no
 * session by itself: with several instances starting at once, each would; sessions are
 * started from the start page, and served by whichever instance owns them.
 */
export function clusterBanner(options: { port: number; dataDir: string; publicUrl: string; operator: OperatorKey; database: string; instanceUrl: string; instanceId: string }): string {
  return [
    `Partnerdeck instance ${options.instanceId} is running on port ${options.port}, with its sessions in ${options.database} (log in ${options.dataDir}).`,
    '',
    `  Start page (operator):          ${options.publicUrl}/#operator=${options.operator.value}`,
    `  Other instances reach it at:    ${options.instanceUrl}`,
    '',
    'Start sessions from the start page. Each session is served by one instance at a time; the others forward its requests there, and take it over if that instance stops.',
    'Keep the start page link private: it carries the operator key, which starts and deletes sessions.',
  ].join('\n');
}
