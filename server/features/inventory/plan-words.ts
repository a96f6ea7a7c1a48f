import type { PlanStatus } from '../../contract/parts.js';
import type english from '../../../locales/plan/en.json';
import { serverMessages } from '../../i18n/server-words.js';

/**
 * The Leadership Action Plan's own words, for what the server writes (the PDF and the CSV)
 * and the plan page shows: its column headings and statuses, from `locales/plan/<lang>.json`.
 * The plan's title, the strategies and the activities are the deck's. A language without
 * a catalog reads English.
 */
export type PlanWordKey = Exclude<keyof typeof english, '$language'>;
export type PlanWords = Record<PlanWordKey, string>;

export function planWords(lang: string): PlanWords {
  return serverMessages('plan', lang).messages as PlanWords;
}

export function statusWord(words: PlanWords, status: PlanStatus): string {
  return words[`status-${status}`];
}
