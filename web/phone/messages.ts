import type english from '../../locales/phone/en.json';
import { PageCatalog } from '../shared/i18n/page-catalog.js';

/**
 * The phone's words: `locales/phone/<lang>.json`, one file per language (English is the
 * reference; see server/i18n/catalogs.ts). The server writes the catalog in the reader's
 * language into the page; only that one is loaded. `{name}` marks a value filled in at
 * run time; a message with plural forms picks its form by `{n}`.
 */
export type MessageKey = Exclude<keyof typeof english, '$language'>;

export const phoneCatalog = new PageCatalog<MessageKey>('phone');

/** Looks up a message in the phone's language and fills in `{name}` values. */
export const msg = phoneCatalog.t;

export function currentLanguage(): string {
  return phoneCatalog.lang;
}

export function setLanguage(next: string): Promise<void> {
  return phoneCatalog.use(next);
}
