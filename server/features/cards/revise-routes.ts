import { Hono } from 'hono';
import { z } from 'zod';
import { reviseDefinition, writeExample } from './revise-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { slideParam, writtenText } from '../../http/fields.js';

const body = z.strictObject({ text: writtenText(5000) });

/** Activity 4 (revise-and-example): a participant's definition, revised or kept, and their example card. */
export function reviseRoutes(deps: AppDeps) {
  const { registry } = deps;
  return new Hono<AppEnv>()
    .use(withSession(registry), participantWrite(deps, 'participant'))
    .put('/:slide/definition', validate('param', slideParam), validate('json', body), (c) => {
      const { runtime } = c.get('live');
      const { slide } = c.req.valid('param');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => reviseDefinition(state, runtime.deck, c.get('subject'), slide, c.req.valid('json').text, context));
      return c.json(response);
    })
    .put('/:slide/example', validate('param', slideParam), validate('json', body), (c) => {
      const { runtime } = c.get('live');
      const { slide } = c.req.valid('param');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => writeExample(state, runtime.deck, c.get('subject'), slide, c.req.valid('json').text, context));
      return c.json(response);
    });
}
