import { Hono } from 'hono';
import { z } from 'zod';
import { answerLineup, joinSmallestGroup, makeGroups, movePerson, openLineup, regroup } from './lineup-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { birthdayBox } from './birthday-box.js';
import { recordId, slideParam } from '../../http/fields.js';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const answer = z.union([
  z
    .strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
    .refine((b) => b.day <= DAYS_IN_MONTH[b.month - 1], { message: 'That month does not have that many days.', path: ['day'] }),
  z.strictObject({ skip: z.literal(true) }),
]);

/**
 * The birthday line-up and the groups it makes. A birthday goes to the in-memory box,
 * never to the log, and the box is emptied when the groups are made.
 */
export function lineupRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const staff = [requireRole(keys, 'lead', 'support'), requireOpId] as const;
  const participant = [participantWrite(deps, 'participant')] as const;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .post('/slides/:slide/open', ...staff, validate('param', slideParam), (c) => {
      const { runtime } = c.get('live');
      // A new line-up starts with an empty box, but only when it really opens: a retried
      // open (same key) or a refused one must not wipe the birthdays sent since.
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => ({
        ...openLineup(state, runtime.deck, c.req.valid('param').slide),
        afterCommit: () => birthdayBox.clear(runtime.id),
      }));
      return c.json(response);
    })
    .post('/answers', ...participant, validate('json', answer), (c) => {
      const { runtime } = c.get('live');
      const body = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => {
        const decision = answerLineup(state, c.get('subject'));
        // Kept only while it can still order the line; after grouping it is never stored.
        const birthday = 'month' in body ? { month: body.month, day: body.day } : null;
        const afterCommit = () => {
          if (!decision.response.grouped) birthdayBox.put(runtime.id, c.get('subject'), birthday);
        };
        return { ...decision, afterCommit };
      });
      return c.json(response);
    })
    .post('/join', ...participant, (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => joinSmallestGroup(state, c.get('subject')));
      return c.json(response);
    })
    .post('/slides/:slide/groups', ...staff, validate('param', slideParam), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => ({
        ...makeGroups(state, runtime.deck, c.req.valid('param').slide, birthdayBox.read(runtime.id), context),
        // The birthdays have ordered the line: forgotten now, and only now (not on a retry).
        afterCommit: () => birthdayBox.clear(runtime.id),
      }));
      return c.json(response, 201);
    })
    .post('/regroup', ...staff, (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => regroup(state, runtime.deck));
      return c.json(response);
    })
    .put(
      '/members/:participantId',
      ...staff,
      validate('param', z.object({ participantId: recordId })),
      validate('json', z.strictObject({ group: z.number().int().min(1).max(500) })),
      (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => movePerson(state, c.req.valid('param').participantId, c.req.valid('json').group));
        return c.json(response);
      },
    );
}
