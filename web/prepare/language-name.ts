import { staffLanguage } from '../shared/staff-messages.js';

const names = new Intl.DisplayNames([staffLanguage], { type: 'language' });

/** "English", "Spanish" (or "inglés", "español"): a deck language's name in the reader's language. */
export function languageName(lang: string): string {
  const name = names.of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(staffLanguage) + name.slice(1);
}
