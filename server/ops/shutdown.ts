import type { Server } from 'node:http';
import { constants } from 'node:os';
import type { SessionRegistry } from '../runtime/session-registry.js';
import type { SessionStore } from '../store/session-store.js';
import type { OpsLog } from './ops-log.js';

/** How long requests already read may take to be answered before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 3_000;
/** How often connections that have finished their answer are closed while draining. */
const IDLE_SWEEP_MS = 20;

export interface ShutdownParts {
  server: Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections' | 'getConnections'>;
  registry: SessionRegistry;
  store: SessionStore;
  log: OpsLog;
  graceMs?: number;
  exit?: (code: number) => void;
}

/**
 * A clean stop on SIGINT (Ctrl-C in the terminal) or SIGTERM (a service manager):
 *
 * 1. The server stops accepting connections; idle keep-alive ones are closed.
 * 2. Every live stream is closed. Its client reconnects, to this server once it is back
 *    or wherever it has moved, and gets a full view as on any reconnect.
 * 3. Requests already read are answered: each waits for its commit (one turn of the event
 *    loop) as always. Each connection is closed as soon as its answer is out; any still
 *    open after SHUTDOWN_GRACE_MS (a client sending its body very slowly) is cut, and its
 *    client retries with the same Idempotency-Key.
 * 4. The store commits whatever is left and closes, which releases the data folder's lock.
 * 5. A `shutdown` line with counts goes to the log, and the process exits with 0.
 *
 * A second signal while this runs stops the process at once (after committing what is
 * pending, which is quick and synchronous), with 128 + the signal's number, as a shell
 * reports a process ended by that signal.
 */
export function stopOnSignals(parts: ShutdownParts): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return forceStop(parts, signal);
    stopping = true;
    void shutDown(parts, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

export async function shutDown({ server, registry, store, log, graceMs = SHUTDOWN_GRACE_MS, exit = process.exit }: ShutdownParts, signal: string): Promise<void> {
  const began = performance.now();
  log.event('shutdown.started', { signal });
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  const sessions = registry.all();
  let streamsClosed = 0;
  for (const live of sessions) {
    streamsClosed += live.hub.connectionCount;
    live.hub.closeAll();
  }
  const connectionsCut = await drain(server, drained, graceMs);
  await store.close();
  log.event('shutdown', { signal, sessions: sessions.length, streamsClosed, connectionsCut, ms: Math.round(performance.now() - began) });
  await log.close();
  exit(0);
}

/** Closes connections as their answers go out; resolves with how many had to be cut at the deadline. */
async function drain(server: ShutdownParts['server'], drained: Promise<void>, graceMs: number): Promise<number> {
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let deadline: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (deadline = setTimeout(() => resolve('late'), graceMs)));
  try {
    if ((await Promise.race([drained, late])) !== 'late') return 0;
    const open = await new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
    server.closeAllConnections();
    await drained;
    return open;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}

function forceStop({ store, log, exit = process.exit }: ShutdownParts, signal: NodeJS.Signals): void {
  log.event('shutdown.forced', { signal });
  try {
    // SQLite commits and closes at once; a database across the network is not waited for
    // (its leases run out and another instance takes the sessions over).
    void Promise.resolve(store.close()).catch(() => {});
  } catch {
    // Already closed, or cannot be: a restart replays what the disk has.
  }
  exit(128 + (constants.signals[signal] ?? 0));
}
