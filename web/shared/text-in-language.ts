import type { TextByLanguage } from '../../server/contract/parts.js';

/**
 * A text the school prepared in several languages, in the reader's language when it was
 * given, else in the first language that has it: a partner reading Spanish still sees the
 * English standard rather than nothing.
 */
export function inLanguage(text: TextByLanguage | undefined, lang: string): string {
  if (!text) return '';
  const own = text[lang]?.trim();
  if (own) return own;
  return Object.values(text).find((value) => value?.trim())?.trim() ?? '';
}
