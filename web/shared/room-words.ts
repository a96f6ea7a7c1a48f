import { css, html, type TemplateResult } from 'lit';
import type { Catalog, MessageValues } from './i18n/catalog.js';
import type { PageCatalog } from './i18n/page-catalog.js';
import type { StaffDeck } from './session-context.js';
import type { StaffMessageKey } from './staff-messages.js';

/**
 * The languages the room reads on a projector that shows two (`/present/<code>?lang=en,es`,
 * for a mixed room): every live word on an activity slide is written in each, the deck's
 * words from the deck in that language, the app's from the staff catalog in it.
 */

/** One language the projector shows: the deck in it and the facilitators' words in it. */
export interface RoomLanguage {
  lang: string;
  deck: StaffDeck;
  catalog: Catalog<StaffMessageKey>;
}

/** What a text is written from, in one language: its deck and its messages. */
export interface WordsIn {
  lang: string;
  deck: StaffDeck | undefined;
  t: (key: StaffMessageKey, values?: MessageValues) => string;
  /** Another family's words in this language (the inventory's, the protocol's): empty until they arrive. */
  of: <K extends string>(family: PageCatalog<K>) => (key: K, values?: MessageValues) => string;
}

/** Looks a family's words up in one language; `arrived` is told when some that were missing came in. */
export type FamilyWords = <K extends string>(family: PageCatalog<K>, lang: string) => (key: K, values?: MessageValues) => string;

const familiesIn = new Map<string, Catalog<string> | Promise<void>>();

/**
 * A family's catalog in `lang`, fetched once for the page (PageCatalog.in): empty words until
 * it is here, then `arrived` re-renders whoever asked. Any family, so an element on the
 * projector speaks the room's languages whatever catalog its words are in.
 */
export function familyWordsIn(arrived: () => void): FamilyWords {
  return <K extends string>(family: PageCatalog<K>, lang: string) => {
    const key = `${family.family}/${lang}`;
    const known = familiesIn.get(key);
    if (known && !(known instanceof Promise)) return (k: K, values?: MessageValues) => (known as Catalog<K>).t(k, values);
    if (!known) {
      familiesIn.set(
        key,
        family.in(lang).then(
          (catalog) => void familiesIn.set(key, catalog as Catalog<string>),
          () => void familiesIn.delete(key),
        ),
      );
    }
    void (familiesIn.get(key) as Promise<void>).then(arrived);
    return () => '';
  };
}

/** `lines`: one line per language (titles, sentences); `inline`: side by side after a slash (a short label). */
export type RoomLayout = 'lines' | 'inline';

export function wordsIn(language: RoomLanguage, family: FamilyWords): WordsIn {
  return { lang: language.lang, deck: language.deck, t: (key, values) => language.catalog.t(key, values), of: (catalog) => family(catalog, language.lang) };
}

/**
 * A text in each language, each part with its `lang`; the second is quieter (roomWordsStyles).
 * A text that reads the same in both (a number, a name) is shown once.
 */
export function inLanguages(languages: RoomLanguage[], words: (w: WordsIn) => string, layout: RoomLayout, family: FamilyWords): TemplateResult {
  const parts = languages.map((language) => ({ lang: language.lang, text: words(wordsIn(language, family)) }));
  const shown = parts.filter((part, i) => part.text !== '' && parts.findIndex((other) => other.text === part.text) === i);
  return html`<span class="in-languages ${layout}"
    >${shown.map((part, i) => html`<span lang=${part.lang} class=${i === 0 ? 'first' : 'second'}>${part.text}</span>`)}</span
  >`;
}

/**
 * The second language: the same colour as the first (so it keeps its contrast on any
 * background, a badge's too), lighter and slanted so the eye tells the two apart, and never
 * smaller than `--pd-room-min-text`, what the back row reads (deck.css sets it on the slides).
 */
export const roomWordsStyles = css`
  .in-languages.lines > span {
    display: block;
  }
  .in-languages > .second {
    font-weight: 400;
    font-style: italic;
    font-size: max(0.9em, var(--pd-room-min-text, 0px));
  }
  /* Side by side, each language's part wraps to the next line whole ("Grupo 1", never "Grupo" above "1"). */
  .in-languages.inline > span {
    display: inline-block;
  }
  .in-languages.inline > .second {
    margin-inline-start: 0.3em;
  }
  .in-languages.inline > .second::before {
    content: '/ ';
    font-style: normal;
  }
`;
