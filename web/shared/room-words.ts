import { css, html, type TemplateResult } from 'lit';
import type { Catalog, MessageValues } from './i18n/catalog.js';
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
}

/** `lines`: one line per language (titles, sentences); `inline`: side by side after a slash (a short label). */
export type RoomLayout = 'lines' | 'inline';

export function wordsIn(language: RoomLanguage): WordsIn {
  return { lang: language.lang, deck: language.deck, t: (key, values) => language.catalog.t(key, values) };
}

/**
 * A text in each language, each part with its `lang`; the second is quieter (roomWordsStyles).
 * A text that reads the same in both (a number, a name) is shown once.
 */
export function inLanguages(languages: RoomLanguage[], words: (w: WordsIn) => string, layout: RoomLayout): TemplateResult {
  const parts = languages.map((language) => ({ lang: language.lang, text: words(wordsIn(language)) }));
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
