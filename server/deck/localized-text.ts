import { z } from 'zod';

/**
 * A text a room sees, in every language the deck gives it. In a deck file it is written
 * either as a plain string (the deck's first language) or as a map of languages:
 *
 *     prompt: "Who might this be?"
 *     prompt: { en: "Who might this be?", es: "¿Quién podría ser?" }
 *
 * The parser turns both into a LocalizedText, so the rest of the deck code can find every
 * translatable text by walking the parsed data (the translation report and the
 * per-language resolution both do that) instead of keeping a list of field names.
 */
export class LocalizedText {
  constructor(readonly byLanguage: Readonly<Record<string, string>>) {}

  /** The text in `lang`, or undefined when the deck does not give it in that language. */
  get(lang: string): string | undefined {
    return Object.hasOwn(this.byLanguage, lang) ? this.byLanguage[lang] : undefined;
  }

  has(lang: string): boolean {
    return this.get(lang) !== undefined;
  }
}

/** BCP 47 in the small form decks need: `en`, `es`, `vi`, `ar`, `es-MX`, `zh-Hant`. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const languagesSchema = z
  .array(z.string().regex(LANGUAGE_CODE, 'a language is a code such as en, es or es-MX'))
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'a language is named twice');

/**
 * The zod schema of one translatable text in a deck that declares `languages`. A map must
 * give the first language (it is what every other language falls back to) and may name
 * only the deck's languages, so a typo like `sp:` is refused instead of silently unused.
 */
export function localizedTextSchema(languages: readonly string[]) {
  const [first] = languages;
  return z.unknown().transform((value, ctx): LocalizedText => {
    if (typeof value === 'string') return new LocalizedText({ [first]: value });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `expected a text, or a map of languages such as { ${languages.map((l) => `${l}: …`).join(', ')} }` });
      return z.NEVER;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    let ok = true;
    for (const [lang, text] of entries) {
      if (!languages.includes(lang)) {
        ctx.addIssue({ code: 'custom', path: [lang], message: `language "${lang}" is not one of the deck's languages (${languages.join(', ')})` });
        ok = false;
      } else if (typeof text !== 'string' || text.trim() === '') {
        ctx.addIssue({ code: 'custom', path: [lang], message: 'expected a non-empty text (leave a language out rather than empty)' });
        ok = false;
      }
    }
    if (ok && !entries.some(([lang]) => lang === first)) {
      ctx.addIssue({ code: 'custom', message: `a map of languages must give the deck's first language (${first}), which the others fall back to` });
      ok = false;
    }
    return ok ? new LocalizedText(Object.fromEntries(entries) as Record<string, string>) : z.NEVER;
  });
}

/** Replaces every LocalizedText inside `Source` by a string: the shape a deck has in one language. */
export type InOneLanguage<Source> = Source extends LocalizedText
  ? string
  : Source extends readonly (infer Item)[]
    ? InOneLanguage<Item>[]
    : Source extends object
      ? { [K in keyof Source]: InOneLanguage<Source[K]> }
      : Source;

/**
 * Resolves every LocalizedText inside `value` for `lang`, falling back to `fallback` (the
 * deck's first language). The path of each text that fell back is pushed on `untranslated`,
 * so a screen can mark it with its real language.
 */
export function resolveIn<Source>(value: Source, lang: string, fallback: string, path = '', untranslated: string[] = []): InOneLanguage<Source> {
  return walk(value, path) as InOneLanguage<Source>;

  function walk(node: unknown, at: string): unknown {
    if (node instanceof LocalizedText) {
      const text = node.get(lang);
      if (text !== undefined) return text;
      untranslated.push(at);
      return node.get(fallback) ?? '';
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${at}[${i}]`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, at ? `${at}.${key}` : key)]));
    }
    return node;
  }
}

/** Every LocalizedText inside `value`, with its path. */
export function localizedTexts(value: unknown, path = ''): { path: string; text: LocalizedText }[] {
  if (value instanceof LocalizedText) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => localizedTexts(item, path ? `${path}.${key}` : key));
  }
  return [];
}
