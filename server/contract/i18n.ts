/**
 * What the server gives a page about its language: the catalog it reads its words from
 * (server/i18n/catalogs.ts reads them from `locales/`), inlined in the page it serves and at
 * `GET /i18n/<family>/<lang>`. Types only.
 */

/** A language a family of pages is written in. */
export interface LanguageInfo {
  /** BCP 47: `en`, `es`, `vi`, `ar`, `es-MX`. */
  code: string;
  /** The language's name in itself, for a language menu: "Español". */
  name: string;
  dir: 'ltr' | 'rtl';
}

/** A text with `{name}` values, or one text per plural category where a number `{n}` decides. */
export type Message = string | ({ other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>);

export interface ServedCatalog {
  /** The page family: phone, staff, start, agreement… */
  family: string;
  language: LanguageInfo;
  /** The language of messages this catalog leaves out (English). */
  fallback: string;
  /** Keys whose text is the fallback language's. */
  missing: string[];
  /** Every language the family is written in, for the language menu. */
  languages: LanguageInfo[];
  messages: Record<string, Message>;
}

/**
 * What the server writes into a page it serves, as `<script type="application/json"
 * id="pd-boot">`: the catalog in the reader's language, and for a join link the session's
 * public details, so the page needs no request of its own before it can be used.
 */
export interface PageBoot {
  catalog: ServedCatalog;
  /** The other families the page's meta names (its parts' words shared with other pages), in the same language. */
  also?: ServedCatalog[];
  /** On /join/:code: the workshop behind the code, or null when no session has it. */
  session?: PublicSessionInfo | null;
}

/** The public details of a session (the answer of GET /api/sessions/:code). */
export interface PublicSessionInfo {
  code: string;
  schoolName: string;
  deckTitle: string;
  /** The deck's languages, its first (the one others fall back to) first. */
  languages: string[];
  /** The deck's title in each of its languages. */
  deckTitles: Record<string, string>;
  joinUrl: string;
  /** The groups people join as (the deck's), named in each of the deck's languages. */
  groups: { id: string; names: Record<string, string> }[];
}
