import { Hono } from 'hono';
import { pacingSummary, paceSentence } from './pacing.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireRole, withSession } from '../../http/session-access.js';

/** The session's pacing: planned and actual minutes per section, from the log's slide changes. */
export function pacingRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>().get('/', withSession(registry), requireRole(keys, 'lead', 'support'), (c) => {
    const { runtime } = c.get('live');
    const summary = pacingSummary(runtime.deck, runtime.state.slideHistory, Date.now());
    return c.json({ ...summary, sentence: paceSentence(summary.behindMs) });
  });
}
