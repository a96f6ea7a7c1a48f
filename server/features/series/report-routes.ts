import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { errorBody } from '../../http/errors.js';
import { requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { RenderQueueFullError } from '../agreement/pdf/pdf-render-pool.js';
import { sessionReport } from './session-report.js';

const reportQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
  size: z.enum(['letter', 'a4']).optional(),
});

/**
 * The feedback-loop report: as data (the pages show it) and as a one-page PDF drawn on the
 * agreement's renderer threads, never on the thread that answers the room.
 */
export function reportRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const readers = requireRole(keys, 'lead', 'support', 'coach', 'coordinator');
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/', readers, validate('query', reportQuery), (c) => {
      const { runtime } = c.get('live');
      const lang = c.req.valid('query').lang ?? runtime.deck.languages[0];
      const series = runtime.state.series ? deps.series.get(runtime.state.series.seriesId) : undefined;
      return c.json({ lang, report: sessionReport(runtime.state, runtime.deck, series, lang) });
    })
    .get('/pdf', readers, validate('query', reportQuery), async (c) => {
      const { runtime } = c.get('live');
      const { lang = runtime.deck.languages[0], size = 'letter' } = c.req.valid('query');
      const series = runtime.state.series ? deps.series.get(runtime.state.series.seriesId) : undefined;
      const content = sessionReport(runtime.state, runtime.deck, series, lang);
      try {
        const pdf = await deps.agreementPdfs!.pool.renderReport(content, size === 'a4' ? 'A4' : 'LETTER');
        return c.body(pdf, 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `inline; filename="report-${runtime.code}-${lang}.pdf"`,
          'Cache-Control': 'no-store',
        });
      } catch (error) {
        if (error instanceof RenderQueueFullError) {
          c.header('Retry-After', String(error.retryAfterSeconds));
          return c.json(errorBody('busy', 'Every PDF renderer is busy; try again in a moment.'), 503);
        }
        return c.json(errorBody('pdf_failed', 'The report could not be drawn.'), 500);
      }
    });
}
