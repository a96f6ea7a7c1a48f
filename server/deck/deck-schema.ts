import { z } from 'zod';
import { languagesSchema, localizedTextSchema, type InOneLanguage, type LocalizedText } from './localized-text.js';

/**
 * The data a deck declares in its `<!-- deck … -->`, `<!-- activity … -->` and
 * `<!-- customisable … -->` comments. The server reads these to learn what each slide asks
 * of the phones, so a new deck is a new Markdown file and never new server code.
 *
 * Every object is strict: a field the format does not know (a typo, or a `prompt_es` that
 * should have been `prompt: { en: …, es: … }`) is refused with its path instead of being
 * silently dropped. Every text a room sees is built from `text`, which is the per-language
 * schema of the deck being read (its languages are known only once its header is read).
 */
export function deckSchemas<Text extends z.ZodType>(text: Text) {
  const timer = z.strictObject({
    minutes: z.number().positive().max(180),
    label: text.optional(),
  });

  const wallId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a wall id is lower-case letters, digits and dashes');

  const openAnswers = z.strictObject({
    kind: z.literal('open-answers'),
    prompt: text,
    maxLength: z.number().int().min(1).max(500).default(80),
    display: z.enum(['word-cloud', 'list']).default('word-cloud'),
    timer: timer.optional(),
  });

  const cardSide = z.strictObject({ wall: wallId, prompt: text, label: text });

  const card = z.strictObject({
    kind: z.literal('card'),
    wall: wallId,
    prompt: text,
    label: text,
    timer: timer.optional(),
  });

  const twoSidedCard = z.strictObject({
    kind: z.literal('two-sided-card'),
    front: cardSide,
    back: cardSide,
    timer: timer.optional(),
  });

  const blockParty = z.strictObject({
    kind: z.literal('block-party'),
    roundMinutes: z.number().positive().default(2),
    rounds: z.array(text).min(1),
    lineup: z.strictObject({ groupSize: z.number().int().min(2).default(5), minGroupSize: z.number().int().min(1).default(4) }),
    timer: timer.optional(),
  });

  const roundRobin = z.strictObject({
    kind: z.literal('round-robin'),
    prompt: text,
    turnMinutes: z.number().positive().default(2),
    /**
     * Group sizes for a birthday line-up run on this slide, for a deck with no Block Party
     * before it (the Parent-Teacher Partnerships sessions); absent, the groups come from
     * the Block Party's line-up.
     */
    lineup: z.strictObject({ groupSize: z.number().int().min(2).default(5), minGroupSize: z.number().int().min(1).default(4) }).optional(),
    timer: timer.optional(),
  });

  const poll = z.strictObject({
    kind: z.literal('poll'),
    question: text,
    multiple: z.boolean().default(false),
    choices: z.array(z.strictObject({ id: z.string(), label: text, correct: z.boolean().optional() })).min(2),
    timer: timer.optional(),
    /** `by-hand`: it takes votes only once a facilitator opens it (after the talk that comes first), not when its slide shows. */
    opens: z.enum(['on-slide', 'by-hand']).default('on-slide'),
  });

  const reviseAndExample = z.strictObject({
    kind: z.literal('revise-and-example'),
    revise: z.strictObject({ wall: wallId, from: z.number().int().min(1) }),
    example: cardSide,
    timer: timer.optional(),
  });

  const galleryWalk = z.strictObject({
    kind: z.literal('gallery-walk'),
    walls: z.array(wallId).min(1),
    stickersPerWall: z.number().int().min(1).max(50),
    maxPerCard: z.number().int().min(1).max(50).default(1),
    timer: timer.optional(),
  });

  const agreementBuilder = z.strictObject({
    kind: z.literal('agreement-builder'),
    topPerWall: z.number().int().min(1).max(20).default(6),
    timer: timer.optional(),
  });

  const reflection = z.strictObject({
    kind: z.literal('reflection'),
    prompt: text,
    shareable: z.boolean().default(true),
    timer: timer.optional(),
  });

  const nextMeeting = z.strictObject({ kind: z.literal('next-meeting'), timer: timer.optional() });

  const feedback = z.strictObject({
    kind: z.literal('feedback'),
    ratings: z.array(z.strictObject({ id: z.string(), label: text })),
    comments: z.array(z.strictObject({ id: z.string(), label: text })),
    timer: timer.optional(),
  });

  const strategyId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a strategy id is lower-case letters, digits and dashes');

  /**
   * The District Facilitation Inventory: members mark its activities on their phones
   * (`inventory`, optionally opening on one strategy), the projector shows one strategy's
   * roll-up while the facilitators record the team's decisions (`inventory-rollup`), then
   * the Leadership Action Plan (`inventory-plan`) and what changed since last year's
   * inventory (`inventory-changes`). The inventory itself is in the deck header.
   */
  const inventory = z.strictObject({ kind: z.literal('inventory'), strategy: strategyId.optional(), timer: timer.optional() });
  const inventoryRollup = z.strictObject({ kind: z.literal('inventory-rollup'), strategy: strategyId, timer: timer.optional() });
  const inventoryPlan = z.strictObject({ kind: z.literal('inventory-plan'), timer: timer.optional() });
  const inventoryChanges = z.strictObject({ kind: z.literal('inventory-changes'), timer: timer.optional() });
  /**
   * A session of a series: people who were at an earlier session enter their returning
   * code, newcomers get one, so attendance across sessions is counted without names.
   */
  const attendance = z.strictObject({ kind: z.literal('attendance'), prompt: text, timer: timer.optional() });

  /**
   * What the previous session of the series produced, shown at the start of this one:
   * `everything` (its walls, group ideas, feedback, shared reflections, questions and
   * leadership's answers) or only the group `agreements` the series keeps.
   */
  const carryOver = z.strictObject({
    kind: z.literal('carry-over'),
    show: z.enum(['everything', 'agreements']).default('everything'),
    timer: timer.optional(),
  });

  const activity = z.discriminatedUnion('kind', [
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
    inventory,
    inventoryRollup,
    inventoryPlan,
    inventoryChanges,
    attendance,
    carryOver,
  ]);

  const wall = z.strictObject({
    id: wallId,
    title: text,
    sticker: z.strictObject({
      colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      name: text,
      shape: z.enum(['circle', 'square', 'triangle', 'diamond', 'star']),
    }),
    /** Its cards are questions for the leadership teams: the feedback-loop report lists them, and leadership's answers are recorded against them. */
    toLeadership: z.boolean().default(false),
  });

  /** A fidelity item a deck declares beyond its slides' and activities' own steps: what a coach looks for. */
  const fidelityItem = z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a fidelity item id is lower-case letters, digits and dashes'), text });

  const section = z.strictObject({
    id: z.string(),
    title: text,
    minutes: z.number().positive(),
    slides: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    approximate: z.boolean().default(false),
  });

  /**
   * The Partnership Agreement's own wording (its headings and closing lines), so the page
   * and the PDF print in the reader's language. `{groups}` and `{date}` are filled in.
   */
  const agreement = z.strictObject({
    /** Used when the session has no school name yet. */
    school: text,
    title: text,
    subtitle: text,
    definition: text,
    agreements: text,
    examples: text,
    /** "Built together by {groups}." */
    builtBy: text,
    /** "Built together on {date} by {groups}." */
    builtOnBy: text,
    /** Stands in for {groups} when no group is known. */
    everyone: text,
    /** "Copies at our next meeting: {date}" */
    nextMeeting: text,
  });

  const itemId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id is lower-case letters, digits and dashes');

  /**
   * The inventory's content, from its printed form: strategies in order, each with its
   * purpose, its activities (stable ids: next year's inventory and the plan refer to them,
   * so an id is never reused for another activity) and the line that invites the team's
   * own "other" activities. `resources` are the tags a plan row's resources may carry.
   */
  const inventoryContent = z.strictObject({
    /** "Leadership Action Plan for Partnerships": the plan's heading. */
    planTitle: text,
    resources: z.array(z.strictObject({ id: itemId, label: text })).default([]),
    strategies: z
      .array(
        z.strictObject({
          id: strategyId,
          title: text,
          purpose: text,
          /** "Other district activities to …" */
          other: text,
          activities: z.array(z.strictObject({ id: itemId, text })).min(1),
        }),
      )
      .min(1),
  });

  /**
   * A stakeholder group the join form offers: `name` for one person ("Parent or family"),
   * `plural` for counts ("Parents & families"), `inSentence` where a closing line lists
   * who took part ("built together by parents and families"; `plural` when not given).
   */
  const group = z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a group id is lower-case letters, digits and dashes'),
    name: text,
    plural: text,
    inSentence: text.optional(),
  });

  /**
   * A term the deck's texts name as `{{id}}` (a district's name for its school teams, its
   * improvement plans, its state agency) with the words it has until someone changes them
   * in preparation, so the same deck serves another district.
   */
  const term = z.strictObject({
    id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a term id is a letter then letters and digits, like titleI'),
    label: text,
    description: text,
    default: text,
  });

  const header = z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a deck id is lower-case letters, digits and dashes'),
    /** The deck's languages; the first is the one every missing translation falls back to. */
    languages: languagesSchema.default(['en']),
    title: text,
    minutes: z.number().positive(),
    sections: z.array(section).default([]),
    walls: z.array(wall).default([]),
    agreement: agreement.optional(),
    /** The stakeholder groups people join as; Module 1's six when not given (DEFAULT_GROUPS). */
    groups: z.array(group).min(1).optional(),
    /** District or school terms the texts name as `{{id}}`, changeable in preparation. */
    terms: z.array(term).default([]),
    inventory: inventoryContent.optional(),
    /** The coach's own checklist items for this deck, added to those built from its slides and activities. */
    fidelity: z.array(fidelityItem).default([]),
    /** Shown beside a quotation presented in a language other than its own: "(translation)". */
    translationMark: text.optional(),
    /**
     * The deck a session runs when none is named: the start page's first choice, and the
     * session `npm start` opens when it has none to resume. At most one deck says so.
     */
    default: z.boolean().default(false),
  });

  /** What a school fills in before the workshop, declared on the slide that shows it. */
  const field = z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a field id is lower-case letters, digits and dashes'),
    kind: z.enum(['text', 'quote', 'image']),
    /** A short name for the preparation form: "Closing thought". */
    label: text,
    /** What the school should add: this is the wording the old "[Placeholder — …]" boxes had. */
    description: text,
  });

  const customisable = z.strictObject({ fields: z.array(field).min(1) });

  return { activity, wall, section, agreement, header, field, customisable, group, term, inventoryContent };
}

type SourceSchemas = ReturnType<typeof deckSchemas<ReturnType<typeof localizedTextSchema>>>;

/** As parsed from the file: every text with all its languages. */
export type SourceActivity = z.infer<SourceSchemas['activity']>;
export type SourceHeader = z.infer<SourceSchemas['header']>;
export type SourceField = z.infer<SourceSchemas['field']>;
export type SourceAgreementText = z.infer<SourceSchemas['agreement']>;
export type SourceGroup = z.infer<SourceSchemas['group']>;
export type SourceTerm = z.infer<SourceSchemas['term']>;
export type SourceInventory = z.infer<SourceSchemas['inventoryContent']>;

/** In one language: the shape the engine and the screens use. */
export type Activity = InOneLanguage<SourceActivity>;
export type ActivityKind = Activity['kind'];
export type ActivityOf<K extends ActivityKind> = Extract<Activity, { kind: K }>;
export type Wall = InOneLanguage<SourceHeader['walls'][number]>;
export type Section = InOneLanguage<SourceHeader['sections'][number]>;
export type AgreementText = InOneLanguage<SourceAgreementText>;
export type FieldKind = SourceField['kind'];
export type CustomisableField = InOneLanguage<SourceField>;
export type Group = InOneLanguage<SourceGroup>;
export type Term = InOneLanguage<SourceTerm>;
export type InventoryContent = InOneLanguage<SourceInventory>;

/** The values a slide's text may name as `{{name}}`, filled in preparation. */
export const PREPARED_VALUES = ['schoolName', 'workshopDate', 'nextMeeting', 'futureDates'] as const;
export type PreparedValueName = (typeof PREPARED_VALUES)[number];

export interface SourceSlide {
  /** 1-based, matching the facilitator guide's slide numbers. */
  number: number;
  /** The slide's Markdown per language (data comments removed); the first language always. */
  bodies: LocalizedText;
  /** Facilitator notes per language; they may stay in the first language only. */
  notes: LocalizedText;
  activity: SourceActivity | null;
  fields: SourceField[];
  sectionId: string | null;
}

/** A deck as read from its file, with every language it carries. */
export interface DeckSource extends Omit<SourceHeader, 'languages' | 'groups'> {
  /** The file it came from, for messages. */
  file: string;
  languages: string[];
  /** The deck's stakeholder groups (Module 1's six when its header names none). */
  groups: SourceGroup[];
  slides: SourceSlide[];
}

export interface Slide {
  /** 1-based, matching the facilitator guide's slide numbers. */
  number: number;
  title: string;
  /**
   * Author-written Markdown rendered to HTML; decks are trusted files from `slides/`. With
   * no preparation values: customisable fields left out, `{{…}}` values at their fallback.
   */
  html: string;
  notesHtml: string;
  notesText: string;
  activity: Activity | null;
  sectionId: string | null;
  /** The language this slide's texts were resolved in. */
  lang: string;
  /** What a school may fill in on this slide, in this language. */
  customisable: CustomisableField[];
  /** Paths of texts shown in the first language because this language lacks them ("body", "activity.prompt"). */
  untranslated: string[];
}

/** A deck in one language: every text a plain string. */
export interface Deck extends Omit<InOneLanguage<SourceHeader>, 'agreement' | 'translationMark' | 'groups' | 'inventory'> {
  /** The language every text of this object is in (or fell back from; see `untranslated`). */
  lang: string;
  agreement: AgreementText | null;
  groups: Group[];
  /** The District Facilitation Inventory's content, for a deck that runs one; its texts may name `{{terms}}`. */
  inventory: InventoryContent | null;
  translationMark: string | null;
  /** Paths of header texts shown in the first language ("title", "walls[0].sticker.name"). */
  untranslated: string[];
  slides: Slide[];
}

/** Kept for callers that only need the header's shape. */
export type DeckMeta = Omit<Deck, 'slides'>;
