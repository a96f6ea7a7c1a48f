import { z } from 'zod';
import type { Deck } from './deck-schema.js';
import { pickLanguage, sourceOf } from './deck-in-language.js';
import { renderSlide, type PreparedValues, type ProjectedSlide, type RenderOptions } from './render-slide.js';

export type { FieldValue, PreparedValues, ProjectedSlide, Unfilled } from './render-slide.js';

/**
 * One slide as the room sees it in `lang`, with what the school prepared: `{{values}}`
 * written out in that language, filled fields in place, and the list of what is still
 * unfilled (for the notes view and the preparation page).
 */
export function projectSlide(deck: Deck, slide: number, lang: string, values: PreparedValues = {}, options?: RenderOptions): ProjectedSlide {
  return renderSlide(sourceOf(deck), slide, pickLanguage(deck, lang), values, options);
}

/** Every slide of the deck, projected in `lang`. */
export function projectDeck(deck: Deck, lang: string, values: PreparedValues = {}, options?: RenderOptions): ProjectedSlide[] {
  return deck.slides.map((s) => projectSlide(deck, s.number, lang, values, options));
}

const MAX_TEXT = 2000;

/**
 * The zod schema of what may be prepared for `deck`, for the route that stores it: only
 * fields the deck declares, each of its declared kind, and only the deck's languages.
 */
export function preparedValuesSchema(deck: Deck) {
  const text = (max: number) => z.string().trim().max(max);
  const date = text(120);
  const fieldKinds = new Map(deck.slides.flatMap((s) => s.customisable.map((f) => [f.id, f.kind] as const)));
  const languages = deck.languages as [string, ...string[]];
  const byLanguage = (max: number) => z.partialRecord(z.enum(languages), text(max));
  const termIds = new Set(deck.terms.map((t) => t.id));
  const value = fieldValueSchema(deck);
  return z.strictObject({
    schoolName: text(120).optional(),
    workshopDate: date.optional(),
    nextMeeting: date.optional(),
    futureDates: z.array(date).max(12).optional(),
    fields: z
      .record(z.string(), value)
      .superRefine((fields, ctx) => {
        for (const [id, v] of Object.entries(fields)) {
          const kind = fieldKinds.get(id);
          if (!kind) ctx.addIssue({ code: 'custom', path: [id], message: `this deck has no customisable field "${id}"` });
          else if (kind !== v.kind) ctx.addIssue({ code: 'custom', path: [id], message: `field "${id}" is of kind ${kind}, not ${v.kind}` });
        }
      })
      .optional(),
    terms: z
      .record(z.string(), byLanguage(200))
      .superRefine((terms, ctx) => {
        for (const id of Object.keys(terms)) if (!termIds.has(id)) ctx.addIssue({ code: 'custom', path: [id], message: `this deck has no term "${id}"` });
      })
      .optional(),
  });
}

/** The zod schema of one field's value in `deck`'s languages (any kind; the caller checks the field's own kind). */
export function fieldValueSchema(deck: Deck) {
  const languages = deck.languages as [string, ...string[]];
  const text = (max: number) => z.string().trim().max(max);
  const byLanguage = (max: number) => z.partialRecord(z.enum(languages), text(max));
  return z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('text'), text: byLanguage(MAX_TEXT) }),
    z.strictObject({ kind: z.literal('quote'), text: byLanguage(MAX_TEXT), source: byLanguage(300), original: z.enum(languages).optional() }),
    z.strictObject({ kind: z.literal('image'), src: z.string().max(300).regex(/^\/(?!\/)[A-Za-z0-9._~/-]+$/, 'an image is a path on this server'), alt: byLanguage(300) }),
  ]);
}
