import { Hono } from 'hono';
import { strToU8, zipSync } from 'fflate';
import { exportCsv, sessionExport, toCsv } from '../exports/session-export.js';
import { sessionReport } from '../features/series/session-report.js';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { districtLink } from '../http/links.js';
import { requireCoordinator, requireOperator } from '../http/session-access.js';
import { programView } from '../programs/program-views.js';

/**
 * The district coordinator's view: every school's programs and sessions, done and planned,
 * with attendance, equity of voice, feedback and fidelity, and every session's records as
 * one archive. The operator fetches the coordinator's link to hand it over.
 */
export function districtRoutes(deps: AppDeps) {
  const { keys, operator, registry, programs } = deps;
  return new Hono<AppEnv>()
    .get('/link', requireOperator(operator, keys, registry), (c) => c.json({ link: districtLink(deps.publicUrl, keys.coordinatorKey()) }))
    .get('/overview', requireCoordinator(keys), (c) => {
      const all = programs.all().map((p) => programView(deps, p));
      return c.json({ programs: all, series: [...deps.series.values()].map((s) => ({ id: s.id, title: s.title, sessions: s.sessions.length })) });
    })
    .get('/export.zip', requireCoordinator(keys), (c) => {
      const zip = districtArchive(deps);
      return c.body(zip, 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': 'attachment; filename="partnerdeck-district.zip"',
        'Cache-Control': 'no-store',
      });
    });
}

/**
 * Every program's sessions' records in one zip: per session its JSON export (cards,
 * stickers, tallies, agreement, feedback without names, pacing), its CSV tables and its
 * report's data; and one CSV row per session across the district, for a spreadsheet.
 */
export function districtArchive(deps: AppDeps): Uint8Array<ArrayBuffer> {
  const files: Record<string, Uint8Array> = {};
  const rows: unknown[][] = [];
  const views = deps.programs.all().map((p) => programView(deps, p));
  files['programs.json'] = strToU8(JSON.stringify(views, null, 2));
  for (const program of views) {
    const folder = `${slug(program.schoolName)}-${program.id}`;
    for (const session of program.sessions) {
      const r = session.record;
      rows.push([
        program.district,
        program.schoolName,
        program.seriesId,
        program.model,
        session.number,
        session.status,
        session.plannedDate ?? '',
        session.code ?? '',
        r?.facilitators.lead?.name ?? '',
        r?.facilitators.support?.name ?? '',
        r?.attendance.people ?? '',
        r?.attendance.returning ?? '',
        r?.feedback.responses ?? '',
        r?.fidelity.score ?? '',
        r?.questions ?? '',
        r?.answered ?? '',
      ]);
      const runtime = session.code ? deps.registry.get(session.code)?.runtime : undefined;
      if (!runtime) continue;
      const base = `${folder}/session-${session.number}-${runtime.code}`;
      const data = sessionExport(runtime.state, runtime.deck);
      const series = deps.series.get(program.seriesId);
      files[`${base}/session.json`] = strToU8(
        JSON.stringify(
          {
            ...data,
            series: runtime.state.series,
            facilitators: runtime.state.facilitators,
            attendance: { people: runtime.state.participants.size, returning: runtime.state.returningCount },
            report: sessionReport(runtime.state, runtime.deck, series, runtime.deck.languages[0]),
          },
          null,
          2,
        ),
      );
      for (const table of ['cards', 'stickers', 'tallies'] as const) files[`${base}/${table}.csv`] = strToU8(exportCsv(data, table));
    }
  }
  files['sessions.csv'] = strToU8(
    toCsv(
      [
        'district',
        'school',
        'series',
        'model',
        'session',
        'status',
        'planned_date',
        'code',
        'lead',
        'support',
        'people',
        'returning',
        'feedback_responses',
        'fidelity_score',
        'questions',
        'answered',
      ],
      rows,
    ),
  );
  return zipSync(files, { level: 6 });
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'school'
  );
}
