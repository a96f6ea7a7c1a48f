import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { errorBody } from '../../http/errors.js';
import { withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { recordAttendance } from './attendance-commands.js';

/** Returning codes: a participant of a series session gives theirs, or asks for one. */
export function attendanceRoutes(deps: AppDeps) {
  const { registry, programs } = deps;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .post(
      '/',
      participantWrite(deps, 'participant'),
      validate('json', z.strictObject({ returningCode: z.string().trim().min(1).max(20).optional() })),
      (c) => {
        const { runtime } = c.get('live');
        const program = runtime.state.series ? programs.get(runtime.state.series.programId) : undefined;
        if (!program) return c.json(errorBody('not_in_series', 'This session is not part of a series.'), 409);
        const fresh = programs.freshCode(program);
        const { response, replayed } = runtime.execute(c.get('actor'), c.get('opKey'), (state) =>
          recordAttendance(state, program, c.get('subject'), c.req.valid('json').returningCode, fresh),
        );
        // The program learns of a new code in the same turn, so both are committed together.
        if (!replayed && response.issued)
          programs.append(program, c.get('actor'), [{ type: 'program.code-issued', data: { code: response.code, number: runtime.state.series!.number } }]);
        return c.json({ code: response.code, returning: response.returning });
      },
    );
}
