import { Hono } from 'hono';
import { z } from 'zod';
import { exportCsv, sessionExport } from '../domain/session-export.js';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, withSession } from '../http/session-access.js';
import { validate } from '../http/validate.js';

/** The session's records for the facilitators: one JSON file, or one CSV per table. */
export function exportsRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'))
    .get('/session.json', (c) => {
      const { runtime } = c.get('live');
      c.header('Content-Disposition', `attachment; filename="partnerdeck-${runtime.code}.json"`);
      return c.json(sessionExport(runtime.state, runtime.deck));
    })
    .get('/:table{[a-z]+\\.csv}', validate('param', z.object({ table: z.enum(['cards.csv', 'stickers.csv', 'tallies.csv']) })), (c) => {
      const { runtime } = c.get('live');
      const table = c.req.valid('param').table.replace('.csv', '') as 'cards' | 'stickers' | 'tallies';
      return c.body(exportCsv(sessionExport(runtime.state, runtime.deck), table), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="partnerdeck-${runtime.code}-${table}.csv"`,
      });
    });
}
