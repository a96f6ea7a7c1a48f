import { Hono } from 'hono';
import { z } from 'zod';
import { exportCsv, sessionExport } from '../exports/session-export.js';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, withSession } from '../http/session-access.js';
import { validate } from '../http/validate.js';

/** The session's records for the facilitators: one JSON file, or one CSV per table. */
export function exportsRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'))
    // One route for every file: hono's fast router cannot hold a fixed name and a
    // parameter side by side here, and the tables are one list anyway.
    .get('/:file', validate('param', z.object({ file: z.enum(['session.json', 'cards.csv', 'stickers.csv', 'tallies.csv']) })), (c) => {
      const { runtime } = c.get('live');
      const { file } = c.req.valid('param');
      if (file === 'session.json') {
        c.header('Content-Disposition', `attachment; filename="partnerdeck-${runtime.code}.json"`);
        return c.json(sessionExport(runtime.state, runtime.deck));
      }
      const table = file.replace('.csv', '') as 'cards' | 'stickers' | 'tallies';
      return c.body(exportCsv(sessionExport(runtime.state, runtime.deck), table), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="partnerdeck-${runtime.code}-${table}.csv"`,
      });
    });
}
