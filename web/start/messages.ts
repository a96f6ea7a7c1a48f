import type english from '../../locales/start/en.json';
import { PageCatalog } from '../shared/i18n/page-catalog.js';

/**
 * The start page's words: `locales/start/<lang>.json` (see server/i18n/catalogs.ts). The
 * server writes the catalog in the reader's language into the page. `{name}` marks a value.
 */
export type MessageKey = Exclude<keyof typeof english, '$language'>;

export const startCatalog = new PageCatalog<MessageKey>('start');

/** Looks up a message in the page's language and fills in `{name}` values. */
export const msg = startCatalog.t;
