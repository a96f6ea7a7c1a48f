import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.js';

/**
 * Tells a writer where its change sits in the session's log: `X-Log-Seq` on every
 * successful write is the log's sequence number once the write was committed. Each
 * stream frame carries the sequence number it reflects (`id:`), so a client knows its
 * stream shows its own change once a frame's id reaches this number. The load harness
 * measures submit-to-presenter latency this way.
 */
export const logPosition = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const live = c.get('live');
  if (live && c.req.method !== 'GET' && c.res.status < 300) c.res.headers.set('X-Log-Seq', String(live.runtime.state.seq));
});
