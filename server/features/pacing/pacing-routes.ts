import { Hono } from 'hono';
import { pacingSummary, paceSentence } from './pacing.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { event } from '../../domain/events.js';
import './pacing-events.js';

/** The session's pacing: planned and actual minutes per section, from the workshop's start and the log's slide changes. */
export function pacingRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'))
    .get('/', (c) => {
      const { runtime } = c.get('live');
      const summary = pacingSummary(runtime.deck, runtime.state.slideHistory, Date.now(), runtime.state.workshopStartedAt);
      return c.json({ ...summary, sentence: paceSentence(summary.behindMs) });
    })
    // The lead starts the workshop clock, or starts it again from now (a rehearsal ran on).
    .post('/start', requireOpId, (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), () => ({ events: [event('workshop.clock-started', {})], response: { started: true } }));
      return c.json(response);
    });
}
