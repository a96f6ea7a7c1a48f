/**
 * The deck's language that best serves a reader of `wanted` (the page's language): the
 * same language, else the same base language (`es-MX` reads `es`), else the deck's first,
 * which every missing translation falls back to. (The server's pickLanguage, for pages.)
 */
export function pickDeckLanguage(languages: readonly string[], wanted: string): string {
  const base = (code: string) => code.split('-')[0].toLowerCase();
  return languages.find((l) => l === wanted) ?? languages.find((l) => base(l) === base(wanted)) ?? languages[0] ?? wanted;
}
