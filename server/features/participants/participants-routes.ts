import { Hono } from 'hono';
import { z } from 'zod';
import { join, NAME_MAX_LENGTH, updateParticipant } from './participant-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { clientAddress } from '../../http/client-address.js';
import { rateLimit } from '../../http/rate-limit.js';
import { requireOpId, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { oneLineText } from '../../http/fields.js';
import { pickLanguage } from '../../deck/deck-in-language.js';
import { acceptedLanguages } from '../../i18n/catalogs.js';

const person = z.strictObject({
  name: oneLineText(NAME_MAX_LENGTH).optional(),
  // One of the deck's groups: the command checks which (it knows the deck).
  group: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'is not a group id'),
});

/** Participants: join with no account, and change one's name or group. */
export function participantsRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const perAddress = rateLimit({
    name: 'per address',
    perSecond: deps.limits.addressPerSecond,
    burst: deps.limits.addressBurst,
    key: (c) => `join:${clientAddress(c)}`,
  });
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .post('/', perAddress, requireOpId, validate('json', person), (c) => {
      const { runtime, hub } = c.get('live');
      const { name, group } = c.req.valid('json');
      // The join's op key makes a retried join (the answer was lost on weak Wi-Fi) return
      // the same participant instead of adding a second one.
      const { response } = runtime.execute({ role: 'system' }, c.get('opKey'), (state, context) => join(state, runtime.deck, name, group, context));
      const { participantId } = response;
      // The phone's first view comes with the answer, in its language: joining is one round trip.
      const view = hub.firstView(participantId, pickLanguage(runtime.deck, acceptedLanguages(c.req.header('accept-language'))));
      return c.json({ participantId, token: keys.participantToken(runtime.id, participantId), view }, 201);
    })
    .put('/me', participantWrite(deps, 'participant'), validate('json', person), (c) => {
      const { runtime } = c.get('live');
      const { name, group } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => updateParticipant(state, runtime.deck, c.get('subject'), name, group));
      return c.json(response);
    });
}
