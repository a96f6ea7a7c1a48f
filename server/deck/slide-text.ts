/**
 * The Markdown conventions inside one slide, shared by the reader (which checks them) and
 * the renderer (which fills them in):
 *
 * - `<!-- lang: es -->` on its own line starts the slide's text in another language; what
 *   comes before the first such line is in the deck's first language. The same marker
 *   after `Note:` starts the notes in that language.
 * - `{{nextMeeting}}` names a value filled in preparation (see PREPARED_VALUES), anywhere in
 *   a line; `{{nextMeeting|to be announced}}` gives the text shown while it is not filled.
 *   A line whose value is unfilled and has no such text is left out of the slide.
 * - `{{closing-quote}}` alone on a line places a customisable field the slide declares;
 *   unfilled, the line is left out. A declared field the text does not place goes last.
 */

/** reveal.js's own separators: a line of `---` between slides, `Note:` before the notes. */
export const SLIDE_SEPARATOR = /\r?\n---\r?\n/;
export const NOTES_SEPARATOR = /^Note:\s*$/m;

/** `<!-- keyword` then a line break, YAML, `-->`: a data block. */
export const DATA_BLOCK = /<!--[ \t]*([a-z][a-z-]*)[ \t]*\r?\n([\s\S]*?)-->/g;

const LANGUAGE_MARKER = /^[ \t]*<!--[ \t]*lang:[ \t]*(\S*?)[ \t]*-->[ \t]*$/gm;

export const PLACEHOLDER = /\{\{[ \t]*([A-Za-z][A-Za-z0-9-]*)[ \t]*(?:\|([^{}]*))?\}\}/g;

export interface LanguageSection {
  /** null for the text before the first marker (the deck's first language). */
  lang: string | null;
  text: string;
}

/** Splits a slide's text (or its notes) at its `<!-- lang: xx -->` lines. */
export function languageSections(text: string): LanguageSection[] {
  const sections: LanguageSection[] = [];
  let lang: string | null = null;
  let from = 0;
  for (const match of text.matchAll(LANGUAGE_MARKER)) {
    sections.push({ lang, text: text.slice(from, match.index) });
    lang = match[1];
    from = match.index + match[0].length;
  }
  sections.push({ lang, text: text.slice(from) });
  return sections;
}

/** The field id when `line` is nothing but a `{{field-id}}` placeholder. */
export function blockPlaceholder(line: string): string | null {
  const match = line.trim().match(/^\{\{[ \t]*([a-z][a-z0-9-]*)[ \t]*\}\}$/);
  return match ? match[1] : null;
}

/** The first heading of a slide's Markdown, as plain text. */
export function headingOf(markdown: string): string | null {
  const heading = markdown.match(/^#{1,3}\s+(.+)$/m)?.[1];
  return heading === undefined ? null : heading.replace(/[*_`]/g, '').trim();
}
