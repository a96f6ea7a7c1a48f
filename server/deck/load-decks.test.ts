import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BILINGUAL_HEADER, deckFile, IDEAS_SLIDE } from './deck-test-decks.js';
import { defaultDeck, loadDecks } from './load-decks.js';

/** A slides folder with these files: name → deck id and whether its header says `default: true`. */
function folder(files: Record<string, { id: string; isDefault?: boolean }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'partnerdeck-default-'));
  for (const [name, { id, isDefault }] of Object.entries(files)) {
    const header = BILINGUAL_HEADER.replace('id: tiny', `id: ${id}`).replace('\n-->', isDefault ? '\ndefault: true\n-->' : '\n-->');
    writeFileSync(join(dir, name), deckFile([IDEAS_SLIDE], header));
  }
  return dir;
}

describe('the default deck', () => {
  it('is the deck whose header says so, whatever its file name', () => {
    const decks = loadDecks(folder({ 'a.md': { id: 'first' }, 'b.md': { id: 'family-night', isDefault: true } }));
    expect(defaultDeck(decks)?.id).toBe('family-night');
  });

  it('is the first file by name when no deck says so', () => {
    const decks = loadDecks(folder({ 'b.md': { id: 'second' }, 'a.md': { id: 'first' } }));
    expect(defaultDeck(decks)?.id).toBe('first');
  });

  it('may be only one: two decks that say so stop the loader, naming both', () => {
    const dir = folder({ 'a.md': { id: 'one', isDefault: true }, 'b.md': { id: 'two', isDefault: true } });
    expect(() => loadDecks(dir)).toThrow(/b\.md: deck "two" says `default: true`, and so does deck "one"/);
  });
});
