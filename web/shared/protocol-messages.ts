import type english from '../../locales/protocol/en.json';
import { PageCatalog } from './i18n/page-catalog.js';

/**
 * The process protocol's words on the facilitators' screens (projector, notes view,
 * preparation page), the Partnership Plan page and the table's board page:
 * `locales/protocol/<lang>.json`, in the language the page is read in (a projector's first
 * language asked for, the reader's choice elsewhere). The phone's protocol words are in the
 * phone family. `{name}` marks a value; counts pick their plural form by `{n}`.
 */
export type ProtocolMessageKey = Exclude<keyof typeof english, '$language'>;

export const protocolCatalog = new PageCatalog<ProtocolMessageKey>('protocol');

/** A message in the page's language with its `{name}` values filled in. */
export const protocolMsg = protocolCatalog.t;
