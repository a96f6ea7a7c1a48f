import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { routePath } from 'hono/route';
import type { OpsLog } from '../ops/ops-log.js';
import type { SessionRegistry } from '../runtime/session-registry.js';
import type { AppEnv } from './app-env.js';
import { errorBody } from './errors.js';
import type { LoadShedder } from './load-shedder.js';
import { nodeResponse } from './security-headers.js';

/** Keys of the people running the workshop: their requests are never shed. */
// A coach and the district coordinator are staff too: their few requests are never the flood.
export const STAFF_KEY = /^Bearer (lead|support|coach|coordinator|operator)\./;
const STREAM_PATH = /\/stream$/;

/**
 * Everything every API request goes through, in one step rather than a middleware each
 * (at a few thousand stickers a second, each layer of hono's chain is a measurable cost):
 *
 * - Bodies over the path's limit (`maxBytesFor`) are refused (413) before they are read. A request that declares
 *   its length (every browser fetch with a JSON body does) is judged by Content-Length:
 *   node's parser never reads more than that. A chunked body is counted as it is read
 *   (hono's bodyLimit).
 * - No answer leaves before the writes it reports are on disk. The event store commits
 *   writes in groups once per turn of the event loop; this waits for that commit (asked of
 *   the session registry, whose store it is) after the handler has decided, so "201
 *   Created" always means "stored", even if the server is killed a moment later.
 * - `X-Log-Seq` on every successful write is the session's log position once the write was
 *   committed. Each stream frame carries the position it reflects (`id:`), so a client
 *   knows its stream shows its own change once a frame's id reaches this number. The load
 *   harness measures submit-to-presenter latency this way.
 * - Answers are never cached (`Cache-Control: no-store`) unless a route says otherwise.
 * - Refusals (429, 5xx) and answers whose client hung up before they were sent are counted
 *   in the operations log, by route pattern; the log writes the counts once a minute.
 *   An answer that is neither costs a comparison and a property read.
 * - When the server cannot keep up (load-shedder.ts), a participant's write, a new stream
 *   or a join is answered 503 with Retry-After before its body is read: refusing costs far
 *   less than the work. Reads of cached things (wall pages, the deck) and every request of
 *   a facilitator go through.
 */
export function apiEnvelope(
  maxBytesFor: (path: string) => number,
  log: Pick<OpsLog, 'countRefusal' | 'countClientAbort'>,
  registry: Pick<SessionRegistry, 'committed'>,
  shedder: LoadShedder,
): MiddlewareHandler<AppEnv> {
  const limits = new Map<number, MiddlewareHandler>();
  const tooLargeFor = (maxBytes: number) => (c: Context) => c.json(errorBody('too_large', `The request body is larger than ${maxBytes / 1024} KB.`), 413);
  const countingLimit = (maxBytes: number) => {
    let limit = limits.get(maxBytes);
    if (!limit) limits.set(maxBytes, (limit = bodyLimit({ maxSize: maxBytes, onError: tooLargeFor(maxBytes) })));
    return limit;
  };
  return async (c, next) => {
    const outgoing = nodeResponse(c);
    outgoing?.setHeader('Cache-Control', 'no-store');
    const method = c.req.method;
    const write = method !== 'GET' && method !== 'HEAD';
    const sheddable = (write || STREAM_PATH.test(c.req.path)) && !STAFF_KEY.test(c.req.header('authorization') ?? '');
    if (sheddable) {
      const refusal = shedder.verdict();
      if (refusal) {
        log.countRefusal(503, `${method} ${routePath(c, -1)} (${refusal.reason})`);
        c.header('Retry-After', String(refusal.retryAfterS));
        return c.json(errorBody('overloaded', `The server is busy. Try again in ${refusal.retryAfterS} s.`), 503);
      }
    }
    shedder.enter(sheddable);
    try {
      return await handle(c, next, outgoing, method, write);
    } finally {
      shedder.leave(sheddable);
    }
  };

  async function handle(c: Context<AppEnv>, next: () => Promise<void>, outgoing: ReturnType<typeof nodeResponse>, method: string, write: boolean) {
    if (write) {
      const maxBytes = maxBytesFor(c.req.path);
      const length = c.req.header('content-length');
      if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
        // A Response from it is its refusal; after passing on it resolves to the context.
        const refused = await countingLimit(maxBytes)(c, next);
        if (refused instanceof Response) return refused;
      } else if (Number(length) > maxBytes) {
        return tooLargeFor(maxBytes)(c);
      } else {
        await next();
      }
    } else {
      await next();
    }
    const committed = registry.committed();
    if (committed) await committed;
    const status = c.res.status;
    // A 5xx from a thrown error was counted by the error handler already (c.error is set).
    if (status === 429 || (status >= 500 && c.error === undefined)) log.countRefusal(status, `${method} ${routePath(c, -1)}`);
    // A write whose client hung up while it was read or handled: its answer cannot reach it,
    // and the client will retry with the same Idempotency-Key. Node has destroyed the
    // response by then; once handled, a write's small answer goes out in one go.
    if (write && outgoing?.destroyed) log.countClientAbort(`${method} ${routePath(c, -1)}`);
    if (!outgoing && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    const live = c.var.live;
    if (write && live && c.res.status < 300) {
      const seq = String(live.runtime.state.seq);
      if (outgoing) outgoing.setHeader('X-Log-Seq', seq);
      else c.res.headers.set('X-Log-Seq', seq);
    }
  }
}
