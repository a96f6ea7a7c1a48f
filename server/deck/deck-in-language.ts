import { marked } from 'marked';
import type { AgreementText, Deck, DeckSource, Slide, SourceSlide } from './deck-schema.js';
import { resolveIn } from './localized-text.js';
import { renderSlide } from './render-slide.js';

/**
 * A deck in one language. The engine and the screens work with `Deck`, where every text is a
 * plain string; `loadDecks` gives each deck in its first language, and `deckIn` gives the
 * same deck in another. Each language is resolved once and kept, so a deck in a language is
 * always the same object (views may cache on it).
 *
 * The source with every language stays off the Deck object on purpose: the deck a
 * presenter fetches as JSON carries one language, not all of them.
 */
const sources = new WeakMap<Deck, DeckSource>();
const resolved = new WeakMap<DeckSource, Map<string, Deck>>();

/** The deck in `lang` (a language it does not declare gives its first language). */
export function resolveDeck(source: DeckSource, lang: string): Deck {
  const target = source.languages.includes(lang) ? lang : source.languages[0];
  let byLanguage = resolved.get(source);
  if (!byLanguage) resolved.set(source, (byLanguage = new Map()));
  const known = byLanguage.get(target);
  if (known) return known;

  const first = source.languages[0];
  const untranslated: string[] = [];
  const { id, title, minutes, sections, walls, fidelity, agreement, translationMark, default: isDefault, groups, terms, inventory } = source;
  const header = resolveIn({ title, sections, walls, fidelity, groups, terms }, target, first, '', untranslated);
  const deck: Deck = {
    id,
    title: header.title,
    minutes,
    sections: header.sections,
    walls: header.walls,
    fidelity: header.fidelity,
    groups: header.groups,
    terms: header.terms,
    inventory: inventory ? resolveIn(inventory, target, first, 'inventory', untranslated) : null,
    languages: [...source.languages],
    lang: target,
    agreement: agreement ? resolveIn(agreement, target, first, 'agreement', untranslated) : null,
    translationMark: translationMark ? resolveIn(translationMark, target, first, 'translationMark', untranslated) : null,
    default: isDefault,
    untranslated,
    slides: source.slides.map((slide) => resolveSlide(source, slide, target)),
  };
  byLanguage.set(target, deck);
  sources.set(deck, source);
  return deck;
}

function resolveSlide(source: DeckSource, slide: SourceSlide, lang: string): Slide {
  const first = source.languages[0];
  const projected = renderSlide(source, slide.number, lang);
  const untranslated = [...projected.untranslated];
  // Notes may stay in the first language: falling back is not worth reporting.
  const notes = slide.notes.get(lang) || slide.notes.get(first) || '';
  return {
    number: slide.number,
    title: projected.title,
    html: projected.html,
    notesHtml: marked.parse(notes, { async: false }),
    notesText: notes,
    activity: slide.activity ? resolveIn(slide.activity, lang, first, 'activity', untranslated) : null,
    sectionId: slide.sectionId,
    lang,
    customisable: resolveIn(slide.fields, lang, first, 'customisable.fields', untranslated),
    untranslated,
  };
}

/** Every language of the deck, as read from its file. Only decks made by the deck reader have one. */
export function sourceOf(deck: Deck): DeckSource {
  const source = sources.get(deck);
  if (!source) throw new Error(`deck "${deck.id}" was not made by the deck reader`);
  return source;
}

/** The same deck in `lang`; its first language when it does not declare `lang`. */
export function deckIn(deck: Deck, lang: string): Deck {
  return deck.lang === lang ? deck : resolveDeck(sourceOf(deck), lang);
}

/**
 * The deck's language that best serves a person who reads `wanted` (most preferred first,
 * as a phone's `navigator.languages`): for each in turn, an exact match or the same base
 * language (`es-MX` reads `es`); failing all, the deck's first language.
 */
export function pickLanguage(deck: Pick<Deck, 'languages'>, wanted: string | readonly string[]): string {
  const list = typeof wanted === 'string' ? [wanted] : wanted;
  const base = (lang: string) => lang.split('-')[0].toLowerCase();
  for (const lang of list) {
    if (deck.languages.includes(lang)) return lang;
    const sameBase = deck.languages.find((l) => base(l) === base(lang));
    if (sameBase) return sameBase;
  }
  return deck.languages[0];
}

/** One slide's activity in `lang`, every text a string. */
export function activityIn(deck: Deck, slide: number, lang: string): Slide['activity'] {
  return deckIn(deck, lang).slides[slide - 1]?.activity ?? null;
}

/** The Partnership Agreement's headings and closing lines in `lang`; null for a deck without an agreement. */
export function agreementText(deck: Deck, lang: string): AgreementText | null {
  return deckIn(deck, lang).agreement;
}

/** Fills `{name}` in a deck's wording: `fillTemplate(text.builtOnBy, { date, groups })`. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (Object.hasOwn(values, name) ? values[name] : all));
}
