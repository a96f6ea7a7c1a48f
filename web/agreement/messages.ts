import type english from '../../locales/agreement/en.json';
import { PageCatalog } from '../shared/i18n/page-catalog.js';

/**
 * The agreement page's own words: `locales/agreement/<lang>.json`. The agreement's headings
 * come with the agreement (GET /agreement gives them in each language), so the page and the
 * PDF print the same words; the catalog gives the page's buttons and messages.
 */
export type MessageKey = Exclude<keyof typeof english, '$language'>;

export const agreementCatalog = new PageCatalog<MessageKey>('agreement');

export const msg = agreementCatalog.t;
