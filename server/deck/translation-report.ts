import type { DeckSource } from './deck-schema.js';
import { isDefaultGroups } from './default-groups.js';
import { localizedTexts } from './localized-text.js';

export interface MissingTranslation {
  file: string;
  lang: string;
  /** null for the deck header (title, sections, walls, agreement wording). */
  slide: number | null;
  /** Where in the slide or header, as the deck file writes it: "body", "activity.choices[2].label". */
  path: string;
}

/**
 * Every text a room sees that the deck does not give in one of its languages (those fall
 * back to the first language). Facilitator notes may stay in one language and are not listed.
 */
export function missingTranslations(deck: DeckSource): MissingTranslation[] {
  const missing: MissingTranslation[] = [];
  const { title, sections, walls, agreement, translationMark, groups, terms, inventory } = deck;
  // A deck that names no groups gets Module 1's, whose words are not its author's to translate.
  const ownGroups = isDefaultGroups(groups) ? undefined : groups;
  const header = localizedTexts({ title, sections, walls, agreement, translationMark, groups: ownGroups, terms, inventory });
  for (const lang of deck.languages.slice(1)) {
    for (const { path, text } of header) if (!text.has(lang)) missing.push({ file: deck.file, lang, slide: null, path });
    for (const slide of deck.slides) {
      const texts = [
        ...(slide.bodies.get(deck.languages[0]) ? [{ path: 'body', text: slide.bodies }] : []),
        ...localizedTexts(slide.activity, 'activity'),
        ...localizedTexts(slide.fields, 'customisable.fields'),
      ];
      for (const { path, text } of texts) if (!text.has(lang)) missing.push({ file: deck.file, lang, slide: slide.number, path });
    }
  }
  return missing;
}
