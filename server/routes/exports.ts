import { Hono } from 'hono';
import { z } from 'zod';
import { ELEMENTS_PER_PIECE, jsonPieces } from '../exports/export-stream.js';
import { csvPieces, EXPORT_TABLES, exportCsv, sessionRecord, type ExportTable } from '../exports/session-export.js';
import { sessionSummary } from '../exports/session-summary.js';
import { sessionSummaryPdf } from '../features/agreement/pdf/session-summary-pdf.js';

/** Every file the records offer: the whole record, one CSV per table, and the one-page summary. */
export const EXPORT_FILES = ['session.json', ...EXPORT_TABLES.map((t) => `${t}.csv` as const), 'summary.json', 'summary.pdf'] as const;
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, withSession } from '../http/session-access.js';
import { streamedAnswer } from '../http/streamed-answer.js';
import { validate } from '../http/validate.js';

/** `?lang=es`: the language of the summary PDF's own words. */
const summaryQuery = z.strictObject({
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)
    .optional(),
});

/** The session's records for the facilitators: one JSON file, one CSV per table, and a one-page summary (JSON for the printable page, PDF). */
export function exportsRoutes({ registry, keys, catalogs }: AppDeps) {
  return (
    new Hono<AppEnv>()
      .use(withSession(registry), requireRole(keys, 'lead', 'support', 'coordinator'))
      // One route for every file: hono's fast router cannot hold a fixed name and a
      // parameter side by side here, and the tables are one list anyway.
      .get('/:file', validate('param', z.object({ file: z.enum(EXPORT_FILES) })), validate('query', summaryQuery), async (c) => {
        const { runtime } = c.get('live');
        const { file } = c.req.valid('param');
        const { lang } = c.req.valid('query');
        // The large files (a room of 10,000 places 180,000 stickers) are written piece by piece as
        // they are sent, from the record as it was when the download began (sessionRecord).
        if (file === 'session.json') {
          const pieces = jsonPieces(sessionRecord(runtime.state, runtime.deck));
          return streamedAnswer(c, pieces, {
            'Content-Type': 'application/json',
            'Content-Disposition': `attachment; filename="partnerdeck-${runtime.code}.json"`,
          });
        }
        if (file === 'summary.json') return c.json(sessionSummary(runtime.state, runtime.deck));
        if (file === 'summary.pdf') {
          // The summary's words in the reader's language (`?lang=es`), else the deck's first.
          const catalog = catalogs.catalog('summary', catalogs.pick('summary', [lang ?? runtime.deck.languages[0]]))!;
          const pdf = await sessionSummaryPdf(sessionSummary(runtime.state, runtime.deck), catalog);
          return c.body(new Uint8Array(pdf), 200, {
            'Content-Type': 'application/pdf',
            'Content-Disposition': `inline; filename="partnerdeck-${runtime.code}-summary.pdf"`,
          });
        }
        const table = file.replace('.csv', '') as ExportTable;
        const headers = { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="partnerdeck-${runtime.code}-${table}.csv"` };
        const record = sessionRecord(runtime.state, runtime.deck);
        if (table === 'cards' || table === 'stickers') return streamedAnswer(c, csvPieces(record, table, ELEMENTS_PER_PIECE), headers);
        return c.body(exportCsv(record, table), 200, headers);
      })
  );
}
