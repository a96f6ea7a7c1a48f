import { createMiddleware } from 'hono/factory';
import { allCommitted } from '../store/event-store.js';

/**
 * No answer leaves before the writes it reports are on disk. The event store commits
 * writes in groups once per turn of the event loop; this waits for that commit after the
 * handler has decided, so "201 Created" always means "stored", even if the server is
 * killed a moment later.
 */
export const commitBarrier = createMiddleware(async (_c, next) => {
  await next();
  const committed = allCommitted();
  if (committed) await committed;
});
