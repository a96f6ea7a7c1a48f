import type english from '../../locales/series/en.json';
import { PageCatalog } from './i18n/page-catalog.js';

/**
 * Words of the series screens (issue 15): the carry-over on the deck, the co-facilitators'
 * and the coach's panels on the notes view, and the district coordinator's page.
 * `locales/series/<lang>.json`, in the language the page is read in; `{name}` marks a value.
 */
export type SeriesMessageKey = Exclude<keyof typeof english, '$language'>;

export const seriesCatalog = new PageCatalog<SeriesMessageKey>('series');

export const seriesMsg = seriesCatalog.t;

/** A series text (a map of languages) in the page's language (or its base language), else its first. */
export function seriesText(text: Record<string, string> | null | undefined): string {
  if (!text) return '';
  const lang = seriesCatalog.lang;
  return text[lang] ?? text[lang.split('-')[0]] ?? Object.values(text)[0] ?? '';
}

/** Stakeholder groups' names on these screens (Module 1's six; another group by its id). */
export function groupName(group: string): string {
  const key = `group-${group}` as SeriesMessageKey;
  return seriesCatalog.current.served.messages[key] !== undefined ? seriesMsg(key) : group;
}
