import { z } from 'zod';

/**
 * The data a deck declares in its `<!-- deck … -->` and `<!-- activity … -->` comments.
 * The server reads these to learn what each slide asks of the phones, so a new deck
 * is a new Markdown file and never new server code.
 */

const timerSchema = z.object({
  minutes: z.number().positive().max(180),
  label: z.string().optional(),
});

const wallId = z.string().regex(/^[a-z][a-z0-9-]*$/);

const openAnswers = z.object({
  kind: z.literal('open-answers'),
  prompt: z.string(),
  maxLength: z.number().int().min(1).max(500).default(80),
  display: z.enum(['word-cloud', 'list']).default('word-cloud'),
  timer: timerSchema.optional(),
});

const cardSide = z.object({ wall: wallId, prompt: z.string(), label: z.string() });

const card = z.object({
  kind: z.literal('card'),
  wall: wallId,
  prompt: z.string(),
  label: z.string(),
  timer: timerSchema.optional(),
});

const twoSidedCard = z.object({
  kind: z.literal('two-sided-card'),
  front: cardSide,
  back: cardSide,
  timer: timerSchema.optional(),
});

const blockParty = z.object({
  kind: z.literal('block-party'),
  roundMinutes: z.number().positive().default(2),
  rounds: z.array(z.string()).min(1),
  lineup: z.object({ groupSize: z.number().int().min(2).default(5), minGroupSize: z.number().int().min(1).default(4) }),
  timer: timerSchema.optional(),
});

const roundRobin = z.object({
  kind: z.literal('round-robin'),
  prompt: z.string(),
  turnMinutes: z.number().positive().default(2),
  timer: timerSchema.optional(),
});

const poll = z.object({
  kind: z.literal('poll'),
  question: z.string(),
  multiple: z.boolean().default(false),
  choices: z.array(z.object({ id: z.string(), label: z.string(), correct: z.boolean().optional() })).min(2),
  timer: timerSchema.optional(),
});

const reviseAndExample = z.object({
  kind: z.literal('revise-and-example'),
  revise: z.object({ wall: wallId, from: z.number().int().min(1) }),
  example: cardSide,
  timer: timerSchema.optional(),
});

const galleryWalk = z.object({
  kind: z.literal('gallery-walk'),
  walls: z.array(wallId).min(1),
  stickersPerWall: z.number().int().min(1).max(50),
  maxPerCard: z.number().int().min(1).max(50).default(1),
  timer: timerSchema.optional(),
});

const agreementBuilder = z.object({
  kind: z.literal('agreement-builder'),
  topPerWall: z.number().int().min(1).max(20).default(6),
  timer: timerSchema.optional(),
});

const reflection = z.object({
  kind: z.literal('reflection'),
  prompt: z.string(),
  shareable: z.boolean().default(true),
  timer: timerSchema.optional(),
});

const nextMeeting = z.object({ kind: z.literal('next-meeting'), timer: timerSchema.optional() });

const feedback = z.object({
  kind: z.literal('feedback'),
  ratings: z.array(z.object({ id: z.string(), label: z.string() })),
  comments: z.array(z.object({ id: z.string(), label: z.string() })),
  timer: timerSchema.optional(),
});

export const activitySchema = z.discriminatedUnion('kind', [
  openAnswers,
  card,
  twoSidedCard,
  blockParty,
  roundRobin,
  poll,
  reviseAndExample,
  galleryWalk,
  agreementBuilder,
  reflection,
  nextMeeting,
  feedback,
]);

export type Activity = z.infer<typeof activitySchema>;
export type ActivityKind = Activity['kind'];
export type ActivityOf<K extends ActivityKind> = Extract<Activity, { kind: K }>;

export const wallSchema = z.object({
  id: wallId,
  title: z.string(),
  sticker: z.object({
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    name: z.string(),
    shape: z.enum(['circle', 'square', 'triangle', 'diamond', 'star']),
  }),
});
export type Wall = z.infer<typeof wallSchema>;

export const deckMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string(),
  minutes: z.number().positive(),
  sections: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        minutes: z.number().positive(),
        slides: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
        approximate: z.boolean().default(false),
      }),
    )
    .default([]),
  walls: z.array(wallSchema).default([]),
});
export type DeckMeta = z.infer<typeof deckMetaSchema>;
export type Section = DeckMeta['sections'][number];

export interface Slide {
  /** 1-based, matching the facilitator guide's slide numbers. */
  number: number;
  title: string;
  /** Author-written Markdown rendered to HTML; decks are trusted files from `slides/`. */
  html: string;
  notesHtml: string;
  notesText: string;
  activity: Activity | null;
  sectionId: string | null;
}

export interface Deck extends DeckMeta {
  slides: Slide[];
}
