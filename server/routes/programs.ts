import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { errorBody } from '../http/errors.js';
import { coachLink, sessionLinks } from '../http/links.js';
import { acceptOpId, requireOperator } from '../http/session-access.js';
import type { Operation } from '../runtime/session-runtime.js';
import { validate } from '../http/validate.js';
import { coFacilitatorSchema } from '../features/facilitators/facilitators-routes.js';
import { openProgramSession } from '../programs/open-session.js';
import { programView } from '../programs/program-views.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');
const startProgram = z.strictObject({
  seriesId: z.string().max(80),
  schoolName: z.string().trim().min(1).max(120),
  district: z.string().trim().max(120).default(''),
  model: z.enum(['single-building', 'district-wide']).default('single-building'),
  /** Planned dates by session number ("1": "2026-09-14"). */
  dates: z.record(z.string().regex(/^\d{1,2}$/), date).default({}),
});
const openSession = z.strictObject({ facilitators: z.strictObject({ lead: coFacilitatorSchema.nullable(), support: coFacilitatorSchema.nullable() }) });
const programParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{6,30}$/) });
const numberParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{6,30}$/), number: z.coerce.number().int().min(1).max(99) });

/**
 * Programs: a school's run of a series. The operator starts one, plans its dates and
 * opens its sessions one by one; each session is a live session of the series' deck that
 * starts from what the previous one produced.
 */
export function programsRoutes(deps: AppDeps) {
  const { programs, keys, operator, registry } = deps;
  const operatorOnly = requireOperator(operator, keys, registry);
  return new Hono<AppEnv>()
    .get('/', operatorOnly, (c) => c.json({ programs: programs.all().map((p) => programView(deps, p)) }))
    .post('/', operatorOnly, acceptOpId, validate('json', startProgram), (c) => {
      const body = c.req.valid('json');
      const op = c.get('opKey') as Operation | undefined;
      const request = op && { key: op.key, digest: op.digest };
      // A retry of a start (same Idempotency-Key, same body) gets the program the first one started.
      const earlier = request && programs.startedWith(request);
      if (earlier) return c.json(programView(deps, earlier), 201);
      const series = deps.series.get(body.seriesId);
      if (!series) return c.json(errorBody('unknown_series', `There is no series "${body.seriesId.slice(0, 80)}".`), 404);
      if (!series.models.includes(body.model)) return c.json(errorBody('invalid', `The series "${series.id}" does not run in the ${body.model} model.`), 400);
      const dates = new Map(Object.entries(body.dates).map(([n, d]) => [Number(n), d] as const));
      const wrong = [...dates.keys()].find((n) => n < 1 || n > series.sessions.length);
      if (wrong !== undefined) return c.json(errorBody('invalid', `dates: the series has sessions 1 to ${series.sessions.length}, not ${wrong}.`), 400);
      const program = programs.start(
        { seriesId: series.id, schoolName: body.schoolName, district: body.district, model: body.model },
        dates,
        { role: 'lead' },
        request,
      );
      return c.json(programView(deps, program), 201);
    })
    .put('/:id/dates/:number', operatorOnly, validate('param', numberParam), validate('json', z.strictObject({ date })), (c) => {
      const { id, number } = c.req.valid('param');
      const program = programs.get(id);
      if (!program) return c.json(errorBody('unknown_program', 'There is no such program.'), 404);
      programs.append(program, { role: 'lead' }, [{ type: 'program.date-planned', data: { number, date: c.req.valid('json').date } }]);
      return c.json(programView(deps, program));
    })
    .post('/:id/sessions/:number', operatorOnly, acceptOpId, validate('param', numberParam), validate('json', openSession), async (c) => {
      const { id, number } = c.req.valid('param');
      const program = programs.get(id);
      if (!program) return c.json(errorBody('unknown_program', 'There is no such program.'), 404);
      const op = c.get('opKey') as Operation | undefined;
      const { facilitators } = c.req.valid('json');
      // A retry of an opening (same Idempotency-Key, same body) gets the session the first
      // one opened, and its answer, instead of a second session or "already open" (409).
      const { id: sessionId, code } = await registry.startOnce(op && { key: op.key, digest: op.digest }, (request) =>
        openProgramSession(deps, program, number, facilitators, operator.startedByMark, request),
      );
      const leadKey = keys.staffKey(sessionId, 'lead');
      const supportKey = keys.staffKey(sessionId, 'support');
      const coachKey = keys.coachKey(sessionId);
      return c.json(
        {
          code,
          leadKey,
          supportKey,
          coachKey,
          links: { ...sessionLinks(deps.publicUrl, code, leadKey, supportKey), coach: coachLink(deps.publicUrl, code, coachKey) },
        },
        201,
      );
    })
    .get('/:id', operatorOnly, validate('param', programParam), (c) => {
      const program = programs.get(c.req.valid('param').id);
      if (!program) return c.json(errorBody('unknown_program', 'There is no such program.'), 404);
      return c.json(programView(deps, program));
    });
}
