import { marked } from 'marked';
import type { DeckSource, FieldKind, PreparedValueName, SourceField } from './deck-schema.js';
import { defaultFormatDate } from './prepared-date.js';
import { blockPlaceholder, headingOf, PLACEHOLDER } from './slide-text.js';

/** Text per language, as a school fills it in: any of the deck's languages, none required. */
export type TextByLanguage = Partial<Record<string, string>>;

export type FieldValue =
  | { kind: 'text'; text: TextByLanguage }
  /** `original` is the language the quotation was written in; other languages are translations of it. */
  | { kind: 'quote'; text: TextByLanguage; source: TextByLanguage; original?: string }
  /** `src` is a path on this server (an uploaded image), never another origin. */
  | { kind: 'image'; src: string; alt: TextByLanguage }
  /** Learning standards a school lists: each with a stable id, an optional code, its text, subject area and grade levels. */
  | { kind: 'standards'; items: StandardItem[] };

export interface StandardItem {
  id: string;
  code?: string;
  text: TextByLanguage;
  subject: TextByLanguage;
  /** As the school writes them: "3–5", "K, 1, 2", "9–12". */
  grades?: string;
}

/**
 * What a school fills in before the workshop. Dates are ISO (`2025-01-12`, or
 * `2025-01-12T18:00` with a time, as the room's local time) and are written out in each
 * language; any other text is shown as it is.
 */
export interface PreparedValues {
  schoolName?: string;
  workshopDate?: string;
  nextMeeting?: string;
  futureDates?: string[];
  fields?: Record<string, FieldValue>;
  /** The deck's terms as prepared for this district (`{{sac}}`), per language; a term not given keeps the deck's words. */
  terms?: Record<string, TextByLanguage>;
}

export type Unfilled =
  | { id: string; kind: FieldKind; label: string; description: string }
  | { id: PreparedValueName; kind: 'value' };

export interface ProjectedSlide {
  number: number;
  lang: string;
  title: string;
  /** HTML to project. Deck text is the author's Markdown; every prepared value is escaped text. */
  html: string;
  /** Fields and values this slide shows that nobody has filled in yet. */
  unfilled: Unfilled[];
  /** Paths shown in another language than `lang` ("body", "field who-image"). */
  untranslated: string[];
}

export interface RenderOptions {
  /** How a date is written in a language; by default Intl.DateTimeFormat's full date. */
  formatDate?: (iso: string, lang: string) => string;
}

const SAFE_IMAGE_PATH = /^\/(?!\/)[A-Za-z0-9._~/-]+$/;

/**
 * The slide's content to project in `lang`, with what the school has prepared. A slide
 * whose fields nobody filled is its own title and points, with no empty boxes.
 */
export function renderSlide(deck: DeckSource, number: number, lang: string, values: PreparedValues = {}, options: RenderOptions = {}): ProjectedSlide {
  const slide = deck.slides[number - 1];
  if (!slide) throw new RangeError(`${deck.file} has no slide ${number}`);
  const first = deck.languages[0];
  const untranslated: string[] = [];
  let markdown = slide.bodies.get(lang);
  if (markdown === undefined) {
    untranslated.push('body');
    markdown = slide.bodies.get(first) ?? '';
  }

  // A field is declared on one slide and may be placed on any.
  const fieldsById = new Map(deck.slides.flatMap((s) => s.fields.map((f) => [f.id, f] as const)));
  const shownFields: SourceField[] = [];
  const unfilledFields = new Set<string>();
  const unfilledValues = new Set<PreparedValueName>();
  const placed = new Set<string>();
  const tokens: { html: string; text: string; block: boolean }[] = [];
  const token = (html: string, text: string, block: boolean) => `PDVALUE${tokens.push({ html, text, block }) - 1}PD`;

  const fieldBlock = (field: SourceField): string | null => {
    const rendered = renderField(deck, field, values.fields?.[field.id], lang);
    if (!rendered) {
      unfilledFields.add(field.id);
      return null;
    }
    if (rendered.shownIn !== lang) untranslated.push(`field ${field.id}`);
    return token(rendered.html, '', true);
  };

  const lines: string[] = [];
  for (const line of withoutEmptySubheadings(markdown.split('\n'), (id) => !renderField(deck, fieldsById.get(id), values.fields?.[id], lang))) {
    const fieldId = blockPlaceholder(line);
    const field = fieldId ? fieldsById.get(fieldId) : undefined;
    if (field) {
      placed.add(field.id);
      if (!shownFields.includes(field)) shownFields.push(field);
      const block = fieldBlock(field);
      if (block) lines.push('', block, '');
      continue;
    }
    let keep = true;
    const filled = line.replace(PLACEHOLDER, (_all, name: PreparedValueName, fallback: string | undefined) => {
      const term = deck.terms.find((t) => t.id === name);
      if (term) {
        const words = termWords(term, values.terms?.[name], lang, first);
        return token(escapeHtml(words), words, false);
      }
      const value = preparedValue(name, values, lang, options);
      if (value !== null) return token(escapeHtml(value), value, false);
      unfilledValues.add(name);
      if (fallback !== undefined) return token(escapeHtml(fallback.trim()), fallback.trim(), false);
      keep = false;
      return '';
    });
    if (keep) lines.push(filled);
  }
  for (const field of slide.fields) {
    if (placed.has(field.id)) continue;
    shownFields.push(field);
    const block = fieldBlock(field);
    if (block) lines.push('', block);
  }

  const source = lines.join('\n').trim();
  let html = marked.parse(source, { async: false });
  html = html.replace(/<p>PDVALUE(\d+)PD<\/p>/g, (all, i: string) => (tokens[+i].block ? tokens[+i].html : all));
  html = html.replace(/PDVALUE(\d+)PD/g, (_all, i: string) => tokens[+i].html);
  const heading = headingOf(source);
  const title = heading === null ? `Slide ${number}` : heading.replace(/PDVALUE(\d+)PD/g, (_all, i: string) => tokens[+i].text);

  const unfilled: Unfilled[] = [
    ...shownFields
      .filter((f) => unfilledFields.has(f.id))
      .map((f) => ({ id: f.id, kind: f.kind, label: f.label.get(lang) ?? f.label.get(first) ?? f.id, description: f.description.get(lang) ?? f.description.get(first) ?? '' })),
    ...[...unfilledValues].map((id) => ({ id, kind: 'value' as const })),
  ];
  return { number, lang, title, html, unfilled, untranslated };
}

const HEADING = /^\s{0,3}#{1,6}\s/;

/**
 * Leaves out a heading (other than the slide's first) whose section holds nothing but
 * fields nobody filled in: "### Our vision" over an unfilled vision would be an empty box
 * by another name.
 */
function withoutEmptySubheadings(lines: string[], unfilled: (fieldId: string) => boolean): string[] {
  const firstHeading = lines.findIndex((l) => HEADING.test(l));
  return lines.filter((line, i) => {
    if (i === firstHeading || !HEADING.test(line)) return true;
    const rest = lines.slice(i + 1);
    const end = rest.findIndex((l) => HEADING.test(l));
    const section = (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.trim() !== '');
    const fields = section.map(blockPlaceholder);
    return !(section.length > 0 && fields.every((id) => id !== null && unfilled(id)));
  });
}

/** A term in `lang`: as prepared for this district, else the deck's own words (in its first language when it lacks `lang`). */
export function termWords(term: DeckSource['terms'][number], prepared: TextByLanguage | undefined, lang: string, first: string): string {
  return prepared?.[lang]?.trim() || term.default.get(lang) || prepared?.[first]?.trim() || term.default.get(first) || term.id;
}

function preparedValue(name: PreparedValueName, values: PreparedValues, lang: string, options: RenderOptions): string | null {
  const formatDate = options.formatDate ?? defaultFormatDate;
  switch (name) {
    case 'schoolName':
      return values.schoolName?.trim() || null;
    case 'workshopDate':
    case 'nextMeeting': {
      const value = values[name]?.trim();
      return value ? formatDate(value, lang) : null;
    }
    case 'futureDates': {
      const dates = (values.futureDates ?? []).map((d) => d.trim()).filter(Boolean);
      return dates.length ? new Intl.ListFormat(lang, { type: 'conjunction' }).format(dates.map((d) => formatDate(d, lang))) : null;
    }
  }
}

/** A field's HTML in `lang`, or null while it is unfilled. `shownIn` is the language it is shown in. */
function renderField(deck: DeckSource, field: SourceField | undefined, value: FieldValue | undefined, lang: string): { html: string; shownIn: string } | null {
  if (!field || !value || value.kind !== field.kind) return null;
  const first = deck.languages[0];
  const attrs = `class="pd-field pd-${field.kind}" data-field="${escapeHtml(field.id)}"`;
  const langAttr = (shown: string) => (shown === lang ? '' : ` lang="${escapeHtml(shown)}"`);
  switch (value.kind) {
    case 'text': {
      const text = pick(value.text, lang, [first, ...deck.languages]);
      if (!text) return null;
      return { html: `<div ${attrs}${langAttr(text.lang)}>${plainTextHtml(text.text)}</div>`, shownIn: text.lang };
    }
    case 'quote': {
      const original = value.original ?? first;
      const text = pick(value.text, lang, [original, first, ...deck.languages]);
      const source = pick(value.source, lang, [text?.lang ?? original, original, first, ...deck.languages]);
      if (!text || !source) return null;
      // A quotation shown in another language than the one it was written in is a
      // translation, and says so: the words are not the author's own.
      const translated = text.lang !== original;
      const markLang = deck.translationMark?.has(text.lang) ? text.lang : first;
      const mark = translated ? deck.translationMark?.get(markLang) : undefined;
      const caption = `— <span${langAttr(source.lang)}>${escapeHtml(source.text)}</span>${mark ? ` <span class="pd-translation-mark"${langAttr(markLang)}>${escapeHtml(mark)}</span>` : ''}`;
      return {
        html: `<figure ${attrs}${translated ? ' data-translated="true"' : ''}><blockquote${langAttr(text.lang)}>${plainTextHtml(text.text)}</blockquote><figcaption>${caption}</figcaption></figure>`,
        shownIn: text.lang,
      };
    }
    case 'standards': {
      const items = value.items.flatMap((item) => {
        const text = pick(item.text, lang, [first, ...deck.languages]);
        if (!text) return [];
        const subject = pick(item.subject, lang, [first, ...deck.languages]);
        const about = [subject?.text, item.grades?.trim()].filter(Boolean).join(', ');
        const code = item.code?.trim() ? `<strong>${escapeHtml(item.code.trim())}</strong> ` : '';
        return [{ lang: text.lang, html: `<li${langAttr(text.lang)}>${code}${escapeHtml(text.text)}${about ? ` <span class="pd-standard-about">(${escapeHtml(about)})</span>` : ''}</li>` }];
      });
      if (items.length === 0) return null;
      return { html: `<ul ${attrs}>${items.map((i) => i.html).join('')}</ul>`, shownIn: items.every((i) => i.lang === lang) ? lang : items.find((i) => i.lang !== lang)!.lang };
    }
    case 'image': {
      if (!SAFE_IMAGE_PATH.test(value.src)) return null;
      const alt = pick(value.alt, lang, [first, ...deck.languages]);
      return {
        html: `<figure ${attrs}><img src="${escapeHtml(value.src)}" alt="${escapeHtml(alt?.text ?? '')}"${alt ? langAttr(alt.lang) : ''}></figure>`,
        shownIn: alt?.lang ?? lang,
      };
    }
  }
}

function pick(text: TextByLanguage, lang: string, fallbacks: string[]): { lang: string; text: string } | null {
  for (const candidate of [lang, ...fallbacks]) {
    const value = text[candidate]?.trim();
    if (value) return { lang: candidate, text: value };
  }
  return null;
}

/** A school's plain text as HTML: paragraphs at blank lines, and a list where every line starts with "- ". */
function plainTextHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map((lines) =>
      lines.every((l) => /^[-•]\s+/.test(l))
        ? `<ul>${lines.map((l) => `<li>${escapeHtml(l.replace(/^[-•]\s+/, ''))}</li>`).join('')}</ul>`
        : `<p>${lines.map(escapeHtml).join('<br>')}</p>`,
    )
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
