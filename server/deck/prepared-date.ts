const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/**
 * A prepared date (`2026-04-02`, or `2026-04-02T18:30` in the room's wall-clock time)
 * written out in `lang`: "Thursday, April 2, 2026 at 6:30 PM"; any other text as it is.
 * Its own small file so the PDF worker can use it without the slide renderer.
 */
export function defaultFormatDate(value: string, lang: string): string {
  const match = value.match(ISO_DATE);
  if (!match) return value;
  const [, y, m, d, hh, mm] = match;
  // The time is the room's wall-clock time: build it as UTC and print it as UTC, so the
  // server's own time zone never shifts it.
  const when = new Date(Date.UTC(+y, +m - 1, +d, hh ? +hh : 0, mm ? +mm : 0));
  if (Number.isNaN(when.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'full', ...(hh ? { timeStyle: 'short' } : {}), timeZone: 'UTC' }).format(when);
}
