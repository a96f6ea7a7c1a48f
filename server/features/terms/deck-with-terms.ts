import { deckIn } from '../../deck/deck-in-language.js';
import type { GroupName } from '../../contract/parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import { projectSlide } from '../../deck/project-slide.js';
import { fillTerms, fillTermsDeep, type PreparedTerms } from '../../deck/terms.js';

/**
 * The deck as a session shows it: its `{{terms}}` written out as this district prepared
 * them (the deck's own words where it did not), in the slides, the groups and the
 * inventory. A deck that declares no terms is given back as it is.
 */
export function deckWithTerms(deck: Deck, prepared: PreparedTerms): Deck {
  if (deck.terms.length === 0) return deck;
  return {
    ...deck,
    groups: fillTermsDeep(deck.groups, deck, prepared),
    inventory: deck.inventory ? fillTermsDeep(deck.inventory, deck, prepared) : null,
    slides: deck.slides.map((slide) => ({ ...slide, html: projectSlide(deck, slide.number, deck.lang, { terms: prepared }).html })),
  };
}

/** The deck's stakeholder groups in one language, as the pages name them, with the district's terms. */
export function groupNames(deck: Deck, lang: string, prepared: PreparedTerms): GroupName[] {
  const inLang = deckIn(deck, lang);
  return inLang.groups.map((g) => ({ id: g.id, name: fillTerms(g.name, inLang, prepared), plural: fillTerms(g.plural, inLang, prepared) }));
}
