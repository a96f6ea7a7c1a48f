import type english from '../../locales/inventory/en.json';
import type { InventoryDecision, InventoryMark, OtherMark } from '../../server/contract/parts.js';
import { PageCatalog } from './i18n/page-catalog.js';

/**
 * Every word the District Facilitation Inventory's screens show around the deck's own text
 * (the strategies and activities come from the deck, in the reader's language): the phone,
 * the projector and notes view, the plan page. `locales/inventory/<lang>.json`, in the
 * language the page is read in; `{name}` marks a value.
 */
export type InventoryMessageKey = Exclude<keyof typeof english, '$language'>;

export const inventoryCatalog = new PageCatalog<InventoryMessageKey>('inventory');

/** A message in the page's language with its `{name}` values filled in. */
export const invMsg = inventoryCatalog.t;

export const markWord = (mark: InventoryMark | OtherMark) => invMsg(`mark-${mark}`);
/** A decision's name, in the page's language or in the one `msg` speaks (a projector's second). */
export const decisionWord = (decision: InventoryDecision | null, msg: (key: InventoryMessageKey) => string = invMsg) =>
  decision ? msg(`decision-${decision}`) : msg('notDecided');

/** A language's name in the page's language ("español" on an English page), for labels that name the deck's languages. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([inventoryCatalog.lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
