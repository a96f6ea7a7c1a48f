import { Hono } from 'hono';
import { z } from 'zod';
import { giveFeedback } from './feedback-commands.js';
import { feedbackResponses, feedbackSummary } from './feedback-summary.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { deckKey, slideParam, writtenText } from '../../http/fields.js';

const questionId = deckKey;

/** The closing feedback form: participants answer; facilitators read the summary and every response. */
export function feedbackRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .put(
      '/:slide/mine',
      participantWrite(deps, 'participant'),
      validate('param', slideParam),
      validate('json', z.strictObject({ ratings: z.record(questionId, z.number()), comments: z.record(questionId, writtenText(10_000)) })),
      (c) => {
        const { runtime } = c.get('live');
        const { slide } = c.req.valid('param');
        const { ratings, comments } = c.req.valid('json');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => giveFeedback(state, runtime.deck, c.get('subject'), slide, ratings, comments));
        return c.json(response);
      },
    )
    .get('/', requireRole(keys, 'lead', 'support'), (c) => {
      const { runtime } = c.get('live');
      return c.json({ summary: feedbackSummary(runtime.state, runtime.deck), responses: feedbackResponses(runtime.state, runtime.deck) });
    });
}
