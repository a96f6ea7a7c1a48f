import { toCsv } from '../../exports/session-export.js';
import type { PlanDocument } from './plan-model.js';

/** The plan as CSV: one row per planned activity, in the document's language, with the ids a spreadsheet can join on. */
export function planCsv(plan: PlanDocument): string {
  const w = plan.words;
  return toCsv(
    ['strategy_id', w.strategy, 'item_id', w.activity, w.lead, w.start, w.due, 'resource_ids', w.resources, w.resourcesNote, w.documentation, 'status_id', w.status, w.note],
    plan.strategies.flatMap((s) =>
      s.rows.map((r) => [s.id, s.title, r.item, r.activity, r.lead, r.start, r.due, r.resourceIds.join(' '), r.resources.join('; '), r.resourcesNote, r.documentation, r.status, r.statusLabel, r.note]),
    ),
  );
}

/** The plan as JSON: the same document, without the page's own words. */
export function planJson(plan: PlanDocument) {
  const { words: _words, ...rest } = plan;
  return rest;
}
