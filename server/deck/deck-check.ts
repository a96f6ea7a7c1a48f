import { readFileSync, statSync } from 'node:fs';
import { slideFiles } from './load-decks.js';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DeckError, readDeckSource } from './read-deck.js';
import { missingTranslations, type MissingTranslation } from './translation-report.js';

/**
 * `npm run deck:check [-- --strict] [file or folder …]`: reads every deck (by default every
 * `*.md` in SLIDES_DIR or ./slides), reports what cannot be read, and lists per language
 * every text that is not translated. It fails on a deck that cannot be read; with
 * `--strict`, also on a missing translation.
 */
export function checkDecks(paths: string[], strict: boolean): { report: string; exitCode: number; errors: string[]; missing: MissingTranslation[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  const missing: MissingTranslation[] = [];
  const ids = new Map<string, string>();
  const files = paths.flatMap((p) => (statSync(p).isDirectory() ? slideFiles(p, '.md').map((f) => join(p, f)) : [p]));
  for (const path of files) {
    const file = basename(path);
    let deck;
    try {
      deck = readDeckSource(readFileSync(path, 'utf8'), file);
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      errors.push(error.message);
      lines.push(`${file}: cannot be used`, `  error: ${error.message}`);
      continue;
    }
    const earlier = ids.get(deck.id);
    if (earlier) {
      const message = `${file}: deck id "${deck.id}" is already used by ${earlier}`;
      errors.push(message);
      lines.push(`${file}: cannot be used`, `  error: ${message}`);
      continue;
    }
    ids.set(deck.id, file);
    const gaps = missingTranslations(deck);
    missing.push(...gaps);
    lines.push(`${file} (${deck.id}): ${deck.slides.length} slides in ${deck.languages.join(', ')}`);
    for (const lang of deck.languages.slice(1)) {
      const mine = gaps.filter((g) => g.lang === lang);
      lines.push(`  ${lang}: ${mine.length === 0 ? 'nothing missing' : `${mine.length} missing`}`);
      for (const g of mine) lines.push(`    ${g.slide === null ? 'deck header' : `slide ${g.slide}`}: ${g.path}`);
    }
  }
  const perLanguage = [...new Set(missing.map((m) => m.lang))].map((lang) => `${lang}: ${missing.filter((m) => m.lang === lang).length}`);
  lines.push(
    '',
    `${files.length} deck${files.length === 1 ? '' : 's'} read, ${errors.length} error${errors.length === 1 ? '' : 's'}, ` +
      `${missing.length} missing translation${missing.length === 1 ? '' : 's'}${perLanguage.length ? ` (${perLanguage.join(', ')})` : ''}` +
      (strict ? ' [strict]' : ''),
  );
  const exitCode = errors.length > 0 || (strict && missing.length > 0) ? 1 : 0;
  return { report: lines.join('\n'), exitCode, errors, missing };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  // `npm run deck:check --strict` (without `--`) reaches the script as npm's config, not an argument.
  const strict = args.includes('--strict') || process.env.npm_config_strict === 'true';
  const paths = args.filter((a) => a !== '--strict');
  const result = checkDecks(paths.length ? paths : [process.env.SLIDES_DIR ?? 'slides'], strict);
  console.log(result.report);
  process.exitCode = result.exitCode;
}
