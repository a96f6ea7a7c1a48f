import { z } from 'zod';

/**
 * The building blocks every route's schema is made of, so a text or a number means the
 * same thing on every route and is refused the same way (400, naming the field).
 *
 * Texts: a person types letters, digits, punctuation, emoji, any script. What no person
 * types — NUL and the other control characters, or half of a surrogate pair (a broken
 * character no font can show) — is refused rather than stored, with the code
 * `text_broken`. Written texts (cards, answers, notes) may hold line breaks and tabs; a
 * one-line text (a name, a label) may not. The domain then trims written texts and
 * counts them against the activity's own limit (which can come from the deck), so the
 * limit here is only a bound on what is read.
 *
 * Numbers in a path (`/timers/12`) are written in canonical decimal digits only: `12`,
 * never `012`, `+12`, ` 12`, `1e1`, `0xc` or `12.0`. A number has one spelling, so two
 * spellings never name one slide (or one request, for the Idempotency-Key's digest).
 */

/** Control characters (C0, DEL, C1) except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for.
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

const TEXT_BROKEN = { code: 'text_broken' } as const;

function refuseBrokenText(multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (!value.isWellFormed()) {
      ctx.addIssue({ code: 'custom', message: 'contains a broken character (a lone surrogate)', params: TEXT_BROKEN });
      return;
    }
    const control = CONTROL_EXCEPT_BREAKS.exec(value) ?? (multiline ? null : LINE_BREAK_OR_TAB.exec(value));
    if (control) {
      const at = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      ctx.addIssue({ code: 'custom', message: `contains a control character (U+${at}), which is not text`, params: TEXT_BROKEN });
    }
  };
}

/**
 * Text a person wrote: a card, an answer, notes, a comment. Line breaks and tabs are
 * allowed; the domain trims it and applies the activity's limit. `maxRaw` bounds what is
 * read (in UTF-16 units), well above the limit, so the domain can say how long it was.
 */
export function writtenText(maxRaw: number) {
  return z.string().max(maxRaw).superRefine(refuseBrokenText(true));
}

/** One line a person typed (a school name, a timer label): trimmed, at most `max` characters. */
export function oneLineText(max: number) {
  return z
    .string()
    .max(max * 4)
    .superRefine(refuseBrokenText(false))
    .transform((value) => value.trim())
    .refine((value) => [...value].length <= max, { message: `is too long: at most ${max} characters` });
}

/** A record's id made by the server (a card, an answer, a sticker, a participant). */
export const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'is not an id: 1–40 letters, digits, "-" or "_"');

/** A deck's id (the `id:` of a file in slides/): never empty. */
export const deckId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'is not a deck id: lower-case letters, digits and "-"');

/** A wall's id as the deck declares it. */
export const wallId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'is not a wall id');

/** An id the deck gave an option or a question (a poll choice, a feedback question). */
export const deckKey = z.string().min(1).max(80).superRefine(refuseBrokenText(false));

/** Slides are numbered from 1; no deck has a thousand. */
export const SLIDE_MAX = 999;
export const slideNumber = z.number().int().min(1).max(SLIDE_MAX);

/** A whole number written in a path: canonical decimal digits, within [min, max]. */
export function pathNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^(0|[1-9][0-9]{0,8})$/, 'must be a whole number written in plain digits, like 12')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** `{ slide }` from a path such as `/timers/:slide`. Not strict: the mount's `:code` rides along. */
export const slideParam = z.object({ slide: pathNumber(1, SLIDE_MAX) });
