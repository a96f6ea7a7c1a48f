import { Hono } from 'hono';
import { z } from 'zod';
import { pollTally, revealPoll, vote } from './poll-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { deckKey, slideParam } from '../../http/fields.js';

/** Polls: a participant votes (again, to change it); a facilitator reveals the bars. */
export function pollsRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .put(
      '/:slide/vote',
      participantWrite(deps, 'participant'),
      validate('param', slideParam),
      validate('json', z.strictObject({ choices: z.array(deckKey).min(1).max(50) })),
      (c) => {
        const { runtime } = c.get('live');
        const { slide } = c.req.valid('param');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => vote(state, runtime.deck, c.get('subject'), slide, c.req.valid('json').choices));
        return c.json(response);
      },
    )
    .put('/:slide/reveal', requireRole(keys, 'lead', 'support'), requireOpId, validate('param', slideParam), validate('json', z.strictObject({ revealed: z.boolean() })), (c) => {
      const { runtime } = c.get('live');
      const { slide } = c.req.valid('param');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => revealPoll(state, runtime.deck, slide, c.req.valid('json').revealed));
      return c.json(response);
    })
    .get('/:slide', requireRole(keys, 'lead', 'support'), validate('param', slideParam), (c) => {
      const { runtime } = c.get('live');
      const { slide } = c.req.valid('param');
      if (runtime.deck.slides[slide - 1]?.activity?.kind !== 'poll') return c.json({ error: { code: 'no_poll', message: `Slide ${slide} has no poll.` } }, 404);
      return c.json({ slide, revealed: runtime.state.polls.get(slide)?.revealed ?? false, ...pollTally(runtime.state, runtime.deck, slide) });
    });
}
