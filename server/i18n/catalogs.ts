import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LANGUAGE_CODE } from '../deck/localized-text.js';
import type { LanguageInfo, Message, ServedCatalog } from '../contract/i18n.js';

export type { LanguageInfo, Message, ServedCatalog };

/**
 * The pages' message catalogs, read from files so that a language is added with files
 * only: `locales/<family>/<lang>.json`, one file per page family (phone, staff, start,
 * agreement…) and language. English (`en.json`) is every family's reference: its keys are
 * the messages the pages use, and a message another catalog leaves out is shown in English.
 *
 * A catalog file is a JSON object: `$language` names the language in itself and its
 * writing direction, every other key is a message. A message is a text with `{name}`
 * values, or, where a number decides the wording, one text per plural category of the
 * language (Intl.PluralRules: zero, one, two, few, many, other; `other` is required):
 *
 *     { "$language": { "name": "Español", "dir": "ltr" },
 *       "joinTitle": "Únase al taller",
 *       "pollVotes": { "one": "{n} voto", "other": "{n} votos" } }
 *
 * Like the deck reader, it refuses what it does not know (a key English does not have, a
 * `{value}` English does not fill, an unknown plural category) with a message naming the
 * file and the key: a typo must not silently show English.
 */
export const REFERENCE_LANGUAGE = 'en';
const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const FAMILY = /^[a-z][a-z0-9-]*$/;

export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `The message catalogs have ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

interface ReadCatalog {
  language: LanguageInfo;
  messages: Record<string, Message>;
}

export class Catalogs {
  private readonly served = new Map<string, Map<string, ServedCatalog>>();
  private readonly json = new Map<string, { body: string; etag: string }>();

  private constructor(families: Map<string, Map<string, ReadCatalog>>) {
    for (const [family, byLanguage] of families) {
      const reference = byLanguage.get(REFERENCE_LANGUAGE)!;
      const languages = [...byLanguage.values()].map((c) => c.language).sort((a, b) => (a.code === REFERENCE_LANGUAGE ? -1 : b.code === REFERENCE_LANGUAGE ? 1 : a.code.localeCompare(b.code)));
      const served = new Map<string, ServedCatalog>();
      for (const [code, read] of byLanguage) {
        const missing = Object.keys(reference.messages).filter((key) => !Object.hasOwn(read.messages, key));
        const messages = { ...reference.messages, ...read.messages };
        served.set(code, { family, language: read.language, fallback: REFERENCE_LANGUAGE, missing, languages, messages });
      }
      this.served.set(family, served);
    }
  }

  /** Every catalog under `dir`; throws CatalogError naming each file and key it cannot use. */
  static load(dir: string): Catalogs {
    const problems: string[] = [];
    const families = new Map<string, Map<string, ReadCatalog>>();
    if (!existsSync(dir)) throw new CatalogError([`The message catalogs folder ${dir} does not exist (set LOCALES_DIR, or run from the project folder).`]);
    for (const family of readdirSync(dir).sort()) {
      const folder = join(dir, family);
      if (!statSync(folder).isDirectory()) continue;
      if (!FAMILY.test(family)) {
        problems.push(`${shown(folder)}: a page family is named in lower-case letters, digits and dashes`);
        continue;
      }
      const byLanguage = new Map<string, ReadCatalog>();
      const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
      const read = (file: string) => readCatalogFile(join(folder, file), problems);
      if (!files.includes(`${REFERENCE_LANGUAGE}.json`)) {
        problems.push(`${shown(folder)}: has no ${REFERENCE_LANGUAGE}.json, which every family needs (its keys are the messages the pages use)`);
        continue;
      }
      const reference = read(`${REFERENCE_LANGUAGE}.json`);
      if (!reference) continue;
      byLanguage.set(REFERENCE_LANGUAGE, reference);
      for (const file of files) {
        if (file === `${REFERENCE_LANGUAGE}.json`) continue;
        const catalog = read(file);
        if (catalog && checkAgainst(catalog, reference, join(folder, file), problems)) byLanguage.set(catalog.language.code, catalog);
      }
      families.set(family, byLanguage);
    }
    if (problems.length > 0) throw new CatalogError(problems);
    return new Catalogs(families);
  }

  families(): string[] {
    return [...this.served.keys()];
  }

  /** The languages a family is written in, English first. */
  languages(family: string): LanguageInfo[] {
    return this.served.get(family)?.get(REFERENCE_LANGUAGE)?.languages ?? [];
  }

  has(family: string, lang: string): boolean {
    return this.served.get(family)?.has(lang) ?? false;
  }

  /** A family's catalog in `lang`, with English filled in for what it leaves out. */
  catalog(family: string, lang: string): ServedCatalog | undefined {
    return this.served.get(family)?.get(lang);
  }

  /** The catalog as JSON, made once, with a content tag for revalidation. */
  catalogJson(family: string, lang: string): { body: string; etag: string } | undefined {
    const key = `${family}/${lang}`;
    const known = this.json.get(key);
    if (known) return known;
    const catalog = this.catalog(family, lang);
    if (!catalog) return undefined;
    const body = JSON.stringify(catalog);
    const made = { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` };
    this.json.set(key, made);
    return made;
  }

  /**
   * The family's language that best serves a reader who prefers `wanted` (most preferred
   * first): an exact match, else the same base language (`es-MX` reads `es`), else English.
   */
  pick(family: string, wanted: readonly string[]): string {
    const codes = this.languages(family).map((l) => l.code);
    const base = (code: string) => code.split('-')[0].toLowerCase();
    for (const lang of wanted) {
      const exact = codes.find((c) => c.toLowerCase() === lang.toLowerCase());
      if (exact) return exact;
      const same = codes.find((c) => base(c) === base(lang));
      if (same) return same;
    }
    return REFERENCE_LANGUAGE;
  }

  /** Per family, the messages each language shows in English (for the start-up report). */
  missingReport(): { family: string; lang: string; missing: string[] }[] {
    return [...this.served].flatMap(([family, byLanguage]) =>
      [...byLanguage].filter(([, c]) => c.missing.length > 0).map(([lang, c]) => ({ family, lang, missing: c.missing })),
    );
  }
}

/** A path as the operator would type it: relative when under the current folder. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function readCatalogFile(path: string, problems: string[]): ReadCatalog | null {
  const where = shown(path);
  const code = basename(path, '.json');
  if (!LANGUAGE_CODE.test(code)) {
    problems.push(`${where}: a catalog is named after its language, such as es.json or es-MX.json`);
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${where}: is not valid JSON (${(error as Error).message})`);
    return null;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push(`${where}: must be a JSON object of messages`);
    return null;
  }
  const { $language, ...rest } = data as Record<string, unknown>;
  const meta = $language as { name?: unknown; dir?: unknown } | undefined;
  let ok = true;
  if (!meta || typeof meta !== 'object' || typeof meta.name !== 'string' || meta.name.trim() === '') {
    problems.push(`${where}: "$language" must give the language's own name, e.g. { "name": "Español", "dir": "ltr" }`);
    ok = false;
  } else if (meta.dir !== undefined && meta.dir !== 'ltr' && meta.dir !== 'rtl') {
    problems.push(`${where}: "$language.dir" is "ltr" or "rtl"`);
    ok = false;
  }
  // The messages that can be used are kept even next to a bad one, so every problem of the file is reported at once.
  const messages: Record<string, Message> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string') {
      messages[key] = value;
      continue;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const forms = Object.entries(value as Record<string, unknown>);
      const bad = forms.find(([category, text]) => !PLURAL_CATEGORIES.has(category) || typeof text !== 'string');
      if (!bad && forms.some(([category]) => category === 'other')) {
        messages[key] = Object.fromEntries(forms) as Message;
        continue;
      }
    }
    problems.push(`${where}: "${key}" must be a text, or plural forms such as { "one": "{n} vote", "other": "{n} votes" } (categories zero, one, two, few, many, other; "other" required)`);
  }
  if (!ok) return null;
  if (!meta || typeof meta.name !== 'string') return null;
  const m = meta as { name: string; dir?: 'ltr' | 'rtl' };
  return { language: { code, name: m.name.trim(), dir: m.dir ?? directionOf(code) }, messages };
}

/** A translation may leave messages out, but may not name a message or a value English does not have. */
function checkAgainst(catalog: ReadCatalog, reference: ReadCatalog, path: string, problems: string[]): boolean {
  const where = shown(path);
  const before = problems.length;
  for (const [key, message] of Object.entries(catalog.messages)) {
    const english = reference.messages[key];
    if (english === undefined) {
      problems.push(`${where}: "${key}" is not a message of these pages (${REFERENCE_LANGUAGE}.json has no such key)`);
      continue;
    }
    const known = valuesOf(english);
    const unknown = [...valuesOf(message)].filter((name) => !known.has(name));
    if (unknown.length > 0) problems.push(`${where}: "${key}" names ${unknown.map((n) => `{${n}}`).join(', ')}, which the page does not fill in (it fills ${[...known].map((n) => `{${n}}`).join(', ') || 'nothing'})`);
  }
  return problems.length === before;
}

function valuesOf(message: Message): Set<string> {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
}

/** The writing direction Intl knows for a language (Arabic, Hebrew… are right to left). */
function directionOf(code: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(code) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** `es-MX,es;q=0.9,en;q=0.8` → ['es-MX', 'es', 'en'], most preferred first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.q > 0 && LANGUAGE_CODE.test(l.tag.replace(/^([A-Za-z]+)/, (s) => s.toLowerCase())))
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}
