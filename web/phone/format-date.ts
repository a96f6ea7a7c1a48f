import { currentLanguage } from './messages.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * A prepared date (`2026-04-02`, or `2026-04-02T18:30` in the room's local time) written
 * out in the phone's language: "Thursday, April 2, 2026, 6:30 PM", "jueves, 2 de abril de
 * 2026, 18:30". Anything else is shown as it is.
 */
export function formatPreparedDate(iso: string): string {
  const m = iso.match(ISO);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  // Built from its parts in UTC and shown in UTC, so the phone's own time zone never shifts the day.
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'full', ...(h ? { timeStyle: 'short' } : {}), timeZone: 'UTC' }).format(date);
}
