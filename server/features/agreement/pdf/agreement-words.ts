import { agreementText, deckIn, fillTemplate, pickLanguage } from '../../../deck/deck-in-language.js';
import type { AgreementText, Deck } from '../../../deck/deck-schema.js';
import { defaultFormatDate } from '../../../deck/prepared-date.js';
import { fillTerms, type PreparedTerms } from '../../../deck/terms.js';
import type { Catalogs } from '../../../i18n/catalogs.js';

/**
 * The Partnership Agreement's own words in one language: its headings and closing lines
 * from the deck (Module 1 gives them in English and Spanish; a deck without them, from the
 * agreement pages' catalog `locales/agreement/<lang>.json`), the stakeholder groups' names
 * from the deck's groups (as a closing line lists them, with the district's terms). The
 * page and the PDF print the same words. `lang` is the language they are really in: the deck's first
 * language where the deck has no translation.
 */
export interface AgreementWords extends AgreementText {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Each group's name (by id) as the closing line lists them ("parents and families"). */
  groups: Record<string, string>;
}

/** Languages an agreement can be asked for in: its deck's, and every language its pages are written in. */
export function agreementLanguages(deck: Deck, catalogs: Catalogs): string[] {
  return [...new Set([...deck.languages, ...catalogs.languages('agreement').map((l) => l.code)])];
}

export function agreementWords(deck: Deck, catalogs: Catalogs, wanted: string, terms: PreparedTerms = {}): AgreementWords {
  const catalogLang = catalogs.has('agreement', wanted) ? wanted : catalogs.pick('agreement', [wanted]);
  const catalog = catalogs.catalog('agreement', catalogLang);
  const says = (key: string) => {
    const message = catalog?.messages[key];
    return typeof message === 'string' ? message : (message?.other ?? key);
  };
  const deckLang = pickLanguage(deck, wanted);
  const fromDeck = agreementText(deck, deckLang);
  const untranslated = deckIn(deck, deckLang).untranslated.some((path) => path.startsWith('agreement'));
  // A deck without its own agreement wording (or without this language) uses the catalog's.
  const useDeck = fromDeck && (deckLang === wanted || !catalogs.has('agreement', wanted)) && !untranslated;
  const text: AgreementText = useDeck
    ? fromDeck
    : {
        school: says('ourSchool'),
        title: says('title'),
        subtitle: says('subtitle'),
        definition: says('definition'),
        agreements: says('agreements'),
        examples: says('examples'),
        builtBy: says('builtBy'),
        builtOnBy: says('builtOnBy'),
        everyone: says('everyone'),
        nextMeeting: says('nextMeetingOn'),
      };
  const lang = useDeck ? deckLang : (catalog?.language.code ?? 'en');
  const inDeckLang = deckIn(deck, deckLang);
  const groups = Object.fromEntries(inDeckLang.groups.map((g) => [g.id, fillTerms(g.inSentence ?? g.plural, inDeckLang, terms)]));
  return { ...text, lang, dir: catalog?.language.dir ?? 'ltr', groups };
}

/** An ISO date (`2025-03-04`) written out in `lang`; any other text stays as written. */
export function writtenDate(value: string, lang: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value;
  const date = new Date(`${value.trim()}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The closing line: "Built together on March 4, 2025 by parents and families, teachers and students." */
export function builtLine(words: AgreementWords, date: string, groups: readonly string[]): string {
  const names = groups.map((g) => words.groups[g] ?? g);
  const who = names.length ? new Intl.ListFormat(words.lang, { style: 'long', type: 'conjunction' }).format(names) : words.everyone;
  return date ? fillTemplate(words.builtOnBy, { date: writtenDate(date, words.lang), groups: who }) : fillTemplate(words.builtBy, { groups: who });
}

/** "Copies at our next meeting: …": the prepared next meeting (a date, or a date and time) written out as slide 27 writes it. */
export function nextMeetingLine(words: AgreementWords, nextMeeting: string): string {
  return fillTemplate(words.nextMeeting, { date: defaultFormatDate(nextMeeting, words.lang) });
}
