import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Deck } from '../deck/deck-schema.js';
import { slideFiles } from '../deck/load-decks.js';
import { DeckError, describeIssues } from '../deck/read-deck.js';
import { languagesSchema } from '../deck/localized-text.js';
import { seriesSchema, type Series } from './series-schema.js';

/** Reads one series file strictly; its decks must be among `decks`. */
export function parseSeries(text: string, file: string, decks: Map<string, Deck>): Series {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (error) {
    throw new DeckError(`${file}: ${(error as Error).message}`);
  }
  const languages = languagesSchema.safeParse((raw as { languages?: unknown } | null)?.languages ?? ['en']);
  if (!languages.success) throw new DeckError(`${file}: languages: ${describeIssues(languages.error)}`);
  const parsed = seriesSchema(languages.data).safeParse(raw);
  if (!parsed.success) throw new DeckError(`${file}: ${describeIssues(parsed.error)}`);
  const series = parsed.data;
  series.sessions.forEach((session, i) => {
    const at = `${file}: sessions[${i}]`;
    if (session.number !== i + 1) throw new DeckError(`${at}: number is ${session.number}, but sessions are numbered 1, 2, 3… in order`);
    if (session.placeholder && session.deck) throw new DeckError(`${at}: a placeholder names no deck (write the deck, then drop "placeholder")`);
    if (!session.placeholder && !session.deck) throw new DeckError(`${at}: names no deck; give its id, or say "placeholder: true"`);
    if (session.deck && !decks.has(session.deck)) throw new DeckError(`${at}: there is no deck "${session.deck}" in the slides folder`);
  });
  return series;
}

/** Every `*.series.yaml` in the slides folder or its subfolders, by id. */
export function loadSeries(slidesDir: string, decks: Map<string, Deck>): Map<string, Series> {
  const all = new Map<string, Series>();
  for (const file of slideFiles(slidesDir, '.series.yaml')) {
    const series = parseSeries(readFileSync(join(slidesDir, file), 'utf8'), file, decks);
    if (all.has(series.id)) throw new DeckError(`${file}: series id "${series.id}" is already used by another series`);
    all.set(series.id, series);
  }
  return all;
}

export const seriesIdSchema = z.string().max(80);
