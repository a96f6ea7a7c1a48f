import YAML from 'yaml';
import type { z } from 'zod';
import { deckSchemas, PREPARED_VALUES, type DeckSource, type SourceActivity, type SourceField, type SourceSlide } from './deck-schema.js';
import { defaultGroups } from './default-groups.js';
import { languagesSchema, LocalizedText, localizedTexts, localizedTextSchema } from './localized-text.js';
import { blockPlaceholder, DATA_BLOCK, languageSections, NOTES_SEPARATOR, PLACEHOLDER, SLIDE_SEPARATOR } from './slide-text.js';

/** A deck file that cannot be used; the message names the file, the slide and the field. */
export class DeckError extends Error {}

const DATA_BLOCK_KINDS = ['deck', 'activity', 'customisable'] as const;
type DataBlockKind = (typeof DATA_BLOCK_KINDS)[number];

interface RawSlide {
  number: number;
  blocks: { kind: DataBlockKind; data: unknown }[];
  content: string;
  notes: string;
}

/**
 * Reads one deck file with all its languages. Throws DeckError at the first problem: a
 * field the format does not know, a language the deck does not declare, a wall or a
 * `{{value}}` that does not exist.
 */
export function readDeckSource(markdown: string, file = 'deck'): DeckSource {
  const raw = markdown.split(SLIDE_SEPARATOR).map((chunk, i) => rawSlide(chunk, i + 1, file));

  const headers = raw.flatMap((slide) => slide.blocks.filter((b) => b.kind === 'deck').map((b) => ({ slide: slide.number, data: b.data })));
  if (headers.length === 0) throw new DeckError(`${file}: missing <!-- deck --> block (the deck's id, title, languages and minutes)`);
  if (headers.length > 1) throw new DeckError(`${file}: slides ${headers.map((h) => h.slide).join(' and ')} both have a <!-- deck --> block; a deck has one`);
  const headerAt = `${file}, deck header (slide ${headers[0].slide})`;

  const declared = languagesSchema.default(['en']).safeParse((headers[0].data as { languages?: unknown } | null)?.languages);
  if (!declared.success) throw new DeckError(`${headerAt}: languages: ${describeIssues(declared.error)}`);
  const languages = declared.data;
  const schemas = deckSchemas(localizedTextSchema(languages));

  const header = schemas.header.safeParse(headers[0].data);
  if (!header.success) throw new DeckError(`${headerAt}: ${describeIssues(header.error)}`);

  const termIds = new Set(header.data.terms.map((t) => t.id));
  const fieldIds = new Set<string>();
  const slides: SourceSlide[] = raw.map((slide) => {
    const at = `${file}, slide ${slide.number}`;
    let activity: SourceActivity | null = null;
    let fields: SourceField[] = [];
    for (const block of slide.blocks) {
      if (block.kind === 'activity') {
        if (activity) throw new DeckError(`${at}: a slide has at most one <!-- activity --> block`);
        const parsed = schemas.activity.safeParse(block.data);
        if (!parsed.success) throw new DeckError(`${at}, activity: ${describeIssues(parsed.error)}`);
        activity = parsed.data;
      } else if (block.kind === 'customisable') {
        if (fields.length) throw new DeckError(`${at}: a slide has at most one <!-- customisable --> block`);
        const parsed = schemas.customisable.safeParse(block.data);
        if (!parsed.success) throw new DeckError(`${at}, customisable: ${describeIssues(parsed.error)}`);
        fields = parsed.data.fields;
        for (const field of fields) {
          if (fieldIds.has(field.id)) throw new DeckError(`${at}, customisable: field id "${field.id}" is used twice in this deck`);
          fieldIds.add(field.id);
        }
      }
    }
    const bodies = byLanguage(slide.content, languages, `${at}, slide text`);
    const notes = byLanguage(slide.notes, languages, `${at}, notes`);
    checkPlaceholders(bodies, fields, termIds, at);
    return { number: slide.number, bodies, notes, activity, fields, sectionId: null };
  });

  const source: DeckSource = { ...header.data, groups: header.data.groups ?? defaultGroups(languages), file, languages, slides };
  checkReferences(source, headerAt);
  return source;
}

function rawSlide(chunk: string, number: number, file: string): RawSlide {
  const blocks: RawSlide['blocks'] = [];
  const body = chunk.replace(DATA_BLOCK, (_all, keyword: string, yaml: string) => {
    if (!(DATA_BLOCK_KINDS as readonly string[]).includes(keyword)) {
      throw new DeckError(`${file}, slide ${number}: unknown data block <!-- ${keyword} -->; the blocks are ${DATA_BLOCK_KINDS.join(', ')}`);
    }
    blocks.push({ kind: keyword as DataBlockKind, data: parseYaml(yaml, `${file}, slide ${number}, ${keyword} block`) });
    return '';
  });
  const [content, ...rest] = body.split(NOTES_SEPARATOR);
  return { number, blocks, content, notes: rest.join('\n') };
}

/** A slide's text (or notes) per language, from its `<!-- lang: xx -->` sections. */
function byLanguage(text: string, languages: readonly string[], at: string): LocalizedText {
  const [first] = languages;
  const found: Record<string, string> = {};
  for (const section of languageSections(text)) {
    const lang = section.lang ?? first;
    if (section.lang !== null && !languages.includes(section.lang)) {
      throw new DeckError(`${at}: <!-- lang: ${section.lang} --> names a language the deck does not declare (${languages.join(', ')})`);
    }
    if (Object.hasOwn(found, lang)) {
      // Text before an explicit first-language marker is only tolerated when it is blank.
      if (section.lang === first && found[lang].trim() === '') {
        found[lang] = section.text.trim();
        continue;
      }
      throw new DeckError(`${at}: the ${lang} text is given twice`);
    }
    found[lang] = section.text.trim();
  }
  return new LocalizedText(found);
}

/** Every `{{name}}` must name a prepared value, a term the deck declares or a field this slide declares, and be readable. */
function checkPlaceholders(bodies: LocalizedText, fields: SourceField[], termIds: ReadonlySet<string>, at: string): void {
  const fieldIds = new Set(fields.map((f) => f.id));
  for (const [lang, text] of Object.entries(bodies.byLanguage)) {
    for (const line of text.split('\n')) {
      const unread = line.replace(PLACEHOLDER, '');
      if (unread.includes('{{') || unread.includes('}}')) throw new DeckError(`${at} (${lang}): cannot read the placeholder in "${line.trim()}"; write {{name}} or {{name|text while unfilled}}`);
      for (const match of line.matchAll(PLACEHOLDER)) {
        const [, name, fallback] = match;
        if ((PREPARED_VALUES as readonly string[]).includes(name) || termIds.has(name)) continue;
        if (!fieldIds.has(name)) {
          throw new DeckError(`${at} (${lang}): {{${name}}} is neither a prepared value (${PREPARED_VALUES.join(', ')}), a term the deck header declares, nor a field this slide declares as customisable`);
        }
        if (fallback !== undefined || blockPlaceholder(line) !== name) {
          throw new DeckError(`${at} (${lang}): the field {{${name}}} must stand alone on its line`);
        }
      }
    }
  }
}

/** Cross-checks that need the whole deck: sections, walls, agreement wording, quote marks. */
function checkReferences(deck: DeckSource, headerAt: string): void {
  for (const section of deck.sections) {
    for (let n = section.slides[0]; n <= section.slides[1]; n++) {
      const slide = deck.slides[n - 1];
      if (!slide) throw new DeckError(`${headerAt}: section ${section.id} names slide ${n}, which does not exist`);
      slide.sectionId = section.id;
    }
  }
  const wallIds = new Set(deck.walls.map((w) => w.id));
  for (const slide of deck.slides) {
    for (const wall of wallsNamedBy(slide.activity)) {
      if (!wallIds.has(wall)) throw new DeckError(`${deck.file}, slide ${slide.number}, activity: wall "${wall}" is not declared in the deck header's walls`);
    }
    if (slide.activity?.kind === 'agreement-builder' && !deck.agreement) {
      throw new DeckError(`${deck.file}, slide ${slide.number}: an agreement-builder needs the deck header's \`agreement\` wording (its headings and closing lines)`);
    }
    if (deck.languages.length > 1 && !deck.translationMark && slide.fields.some((f) => f.kind === 'quote')) {
      throw new DeckError(`${deck.file}, slide ${slide.number}: a quote in a deck of several languages needs the deck header's \`translationMark\`, shown beside a translated quotation`);
    }
  }
  if (deck.agreement) checkTemplates(deck.agreement, headerAt);
  checkGroupsAndTerms(deck, headerAt);
  checkInventory(deck, headerAt);
}

/** Group and term ids are unique; a term's id is none of the prepared values; texts name only declared terms. */
function checkGroupsAndTerms(deck: DeckSource, headerAt: string): void {
  const twice = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
  const group = twice(deck.groups.map((g) => g.id));
  if (group) throw new DeckError(`${headerAt}: groups: the id "${group}" is used twice`);
  const term = twice(deck.terms.map((t) => t.id));
  if (term) throw new DeckError(`${headerAt}: terms: the id "${term}" is used twice`);
  const clash = deck.terms.find((t) => (PREPARED_VALUES as readonly string[]).includes(t.id));
  if (clash) throw new DeckError(`${headerAt}: terms: "${clash.id}" is already a prepared value; give the term another id`);
  const termIds = new Set(deck.terms.map((t) => t.id));
  const texts = [...localizedTexts(deck.groups, 'groups'), ...localizedTexts(deck.inventory, 'inventory'), ...localizedTexts(deck.terms.map((t) => ({ label: t.label, description: t.description })), 'terms')];
  for (const { path, text } of texts) {
    for (const [lang, wording] of Object.entries(text.byLanguage)) {
      for (const [written, name, fallback] of wording.matchAll(PLACEHOLDER)) {
        if (fallback !== undefined || !termIds.has(name)) throw new DeckError(`${headerAt}: ${path}.${lang}: ${written} is not a term the header declares (terms: ${[...termIds].join(', ') || 'none'})`);
      }
    }
  }
  for (const t of deck.terms) {
    for (const [lang, wording] of Object.entries(t.default.byLanguage)) {
      if (wording.includes('{{')) throw new DeckError(`${headerAt}: terms: ${t.id}.default.${lang}: a term's words cannot name another term`);
    }
  }
}

const INVENTORY_KINDS = ['inventory', 'inventory-rollup', 'inventory-plan', 'inventory-changes'];

/** An inventory's ids are unique across the deck; its slides need the header's inventory and name its strategies. */
function checkInventory(deck: DeckSource, headerAt: string): void {
  const inventory = deck.inventory;
  if (inventory) {
    const seen = new Set<string>();
    for (const strategy of inventory.strategies) {
      for (const id of [strategy.id, ...strategy.activities.map((a) => a.id)]) {
        if (seen.has(id)) throw new DeckError(`${headerAt}: inventory: the id "${id}" is used twice (strategy and activity ids are unique in a deck)`);
        seen.add(id);
      }
    }
    const resources = inventory.resources.map((r) => r.id);
    const again = resources.find((id, i) => resources.indexOf(id) !== i);
    if (again) throw new DeckError(`${headerAt}: inventory.resources: the id "${again}" is used twice`);
  }
  const strategies = new Set(inventory?.strategies.map((s) => s.id) ?? []);
  for (const slide of deck.slides) {
    const activity = slide.activity;
    if (!activity || !INVENTORY_KINDS.includes(activity.kind)) continue;
    if (!inventory) throw new DeckError(`${deck.file}, slide ${slide.number}: an ${activity.kind} activity needs the deck header's \`inventory\` (its strategies and activities)`);
    const strategy = 'strategy' in activity ? activity.strategy : undefined;
    if (strategy !== undefined && !strategies.has(strategy)) {
      throw new DeckError(`${deck.file}, slide ${slide.number}, activity: strategy "${strategy}" is not one of the inventory's (${[...strategies].join(', ')})`);
    }
  }
}

const TEMPLATE_VALUES: Record<string, string[]> = { builtBy: ['groups'], builtOnBy: ['date', 'groups'], nextMeeting: ['date'] };

function checkTemplates(agreement: NonNullable<DeckSource['agreement']>, headerAt: string): void {
  for (const { path, text } of localizedTexts(agreement, 'agreement')) {
    const key = path.slice('agreement.'.length);
    const needed = TEMPLATE_VALUES[key] ?? [];
    for (const [lang, wording] of Object.entries(text.byLanguage)) {
      const named = [...wording.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const stray = named.find((n) => !needed.includes(n));
      if (stray) throw new DeckError(`${headerAt}: ${path}.${lang}: {${stray}} is not filled in here${needed.length ? ` (only ${needed.map((n) => `{${n}}`).join(', ')})` : ''}`);
      const absent = needed.find((n) => !named.includes(n));
      if (absent) throw new DeckError(`${headerAt}: ${path}.${lang}: must contain {${absent}}`);
    }
  }
}

function wallsNamedBy(activity: SourceActivity | null): string[] {
  switch (activity?.kind) {
    case 'card':
      return [activity.wall];
    case 'two-sided-card':
      return [activity.front.wall, activity.back.wall];
    case 'revise-and-example':
      return [activity.revise.wall, activity.example.wall];
    case 'gallery-walk':
      return activity.walls;
    default:
      return [];
  }
}

function parseYaml(text: string, where: string): unknown {
  try {
    return YAML.parse(text);
  } catch (error) {
    throw new DeckError(`${where}: ${(error as Error).message}`);
  }
}

/** zod's issues as `path: problem`, the path written as the deck writes it (`choices[2].label`). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = formatPath(issue.path);
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => `${path ? `${path}.` : ''}${key}: unknown field "${key}"`).join('; ');
      }
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
