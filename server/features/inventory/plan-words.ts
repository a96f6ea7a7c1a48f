import type { PlanStatus } from '../../contract/parts.js';
import type english from '../../../locales/inventory/en.json';

/**
 * The Leadership Action Plan's own words: its column headings and statuses, for what the
 * server writes (the PDF, the CSV, the plan page's headings) and the plan editor on the
 * facilitators' screens. They are the inventory's catalog's `plan-…` messages
 * (`locales/inventory/<lang>.json`), so the screens and the documents say the same. The
 * plan's title, the strategies and the activities are the deck's. Pure: the browser uses it too.
 */
type PlanMessageKey = Extract<Exclude<keyof typeof english, '$language'>, `plan-${string}`>;
export type PlanWordKey = PlanMessageKey extends `plan-${infer Key}` ? Key : never;
export type PlanWords = Record<PlanWordKey, string>;

/** The plan's words out of a catalog's messages (`keys`), each said by `say` in the catalog's language. */
export function planWordsFrom(keys: readonly string[], say: (key: PlanMessageKey) => string): PlanWords {
  const planKeys = keys.filter((key): key is PlanMessageKey => key.startsWith('plan-'));
  return Object.fromEntries(planKeys.map((key) => [key.slice('plan-'.length), say(key)])) as PlanWords;
}

export function statusWord(words: PlanWords, status: PlanStatus): string {
  return words[`status-${status}`];
}
