import { z } from 'zod';
import { languagesSchema } from '../deck/localized-text.js';

/**
 * A series of sessions, as data in `slides/` (a `*.series.yaml` file): its sessions in
 * order, each with its deck, title and topic, and the models it may run in. A school's
 * run of a series (its dates, its sessions) is a program (server/programs/); the series
 * itself is only what every school shares, so a new series is a new file and no code.
 *
 * Texts are maps of the series' languages (`{ en: …, es: … }`); the first language is
 * required and is what every other falls back to.
 */
export function seriesSchema(languages: readonly string[]) {
  const [first] = languages;
  const text = z
    .record(z.string(), z.string().min(1).max(2000))
    .refine((map) => first in map, `must give the first language (${first})`)
    .refine((map) => Object.keys(map).every((lang) => languages.includes(lang)), `may name only the series' languages (${languages.join(', ')})`);
  const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id is lower-case letters, digits and dashes');

  const session = z.strictObject({
    number: z.number().int().min(1),
    /** The year of the program it falls in (the Parent-Teacher Partnerships series runs over two). */
    year: z.number().int().min(1).max(10).default(1),
    /** The deck's id; absent for a placeholder a school fills in by writing a deck. */
    deck: id.optional(),
    placeholder: z.boolean().default(false),
    title: text,
    topic: text.optional(),
    /** For the facilitators: what the series says about this session. */
    notes: text.optional(),
  });

  return z.strictObject({
    id,
    languages: languagesSchema,
    title: text,
    description: text,
    minutesPerSession: z.number().positive(),
    /** `single-building`, or `district-wide` (parent–teacher pairs from several schools). */
    models: z.array(z.enum(['single-building', 'district-wide'])).min(1),
    /** The co-facilitators' roles in this model (a parent and a teacher), with their titles. */
    coFacilitators: z.array(z.strictObject({ role: id, title: text })).length(2),
    /** The coach's title in this model. */
    coach: text,
    /** Who the feedback-loop report goes to; `districtWideOnly` teams only in the district-wide model. */
    leadershipTeams: z.array(z.strictObject({ id, title: text, districtWideOnly: z.boolean().default(false) })).min(1),
    sessions: z.array(session).min(1),
  });
}

export type Series = z.infer<ReturnType<typeof seriesSchema>>;
export type SeriesSession = Series['sessions'][number];
export type ImplementationModel = Series['models'][number];
export type SeriesText = Record<string, string>;

/** A series text in `lang`, else in the series' first language. */
export function inLanguage(text: SeriesText | undefined, lang: string, fallback: string): string {
  if (!text) return '';
  return text[lang] ?? text[fallback] ?? '';
}
