import { staffCatalog } from '../shared/staff-messages.js';

/** "English", "Spanish" (or "inglés", "español"): a deck language's name in the reader's language. */
export function languageName(lang: string): string {
  // Asked each time: the reader may switch the page's language while it is open.
  const reader = staffCatalog.lang;
  const name = new Intl.DisplayNames([reader], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(reader) + name.slice(1);
}
