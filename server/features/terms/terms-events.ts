import type { TextByLanguage } from '../../deck/render-slide.js';

/**
 * A district's own names for the terms its deck declares (`{{sac}}`, `{{titleI}}`),
 * prepared before the session: each change names the terms it sets, per language; a term
 * set to nothing in a language goes back to the deck's own words there.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    'terms.set': { values: Record<string, TextByLanguage> };
  }
}

export {};
