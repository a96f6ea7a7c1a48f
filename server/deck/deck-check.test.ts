import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SLIDES_DIR } from '../../tests/unit/test-app.js';
import { checkDecks } from './deck-check.js';
import { deckFile, IDEAS_SLIDE } from './deck-test-decks.js';

/** A slides folder with the given files. */
function slidesFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'partnerdeck-decks-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// Spanish is missing for slide 1's text and for the card's label; the header's title has it.
const halfTranslated = deckFile(['# Welcome', IDEAS_SLIDE.replace('label: { en: "Your idea", es: "Su idea" }', 'label: Your idea')]);

describe('npm run deck:check', () => {
  it('reports Module 1 complete in Spanish, even when strict', () => {
    const result = checkDecks([SLIDES_DIR], true);
    expect(result.report).toContain('module-1.md (module-1): 28 slides in en, es\n  es: nothing missing');
    expect(result.missing).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('lists every missing translation per language with its slide and field, and passes unless strict', () => {
    const dir = slidesFolder({ 'family-night.md': halfTranslated });
    const result = checkDecks([dir], false);
    expect(result.report).toContain('family-night.md (tiny): 2 slides in en, es\n  es: 2 missing\n    slide 1: body\n    slide 2: activity.label');
    expect(result.report).toContain('1 deck read, 0 errors, 2 missing translations (es: 2)');
    expect(result.exitCode).toBe(0);
    expect(checkDecks([dir], true).exitCode).toBe(1);
  });

  it('lists header texts too, and a third language separately', () => {
    const trilingual = halfTranslated.replace('languages: [en, es]', 'languages: [en, es, vi]').replace('title: { en: Tiny, es: Diminuta }', 'title: { en: Tiny, es: Diminuta, vi: Nhỏ }');
    const { missing } = checkDecks([slidesFolder({ 'three.md': trilingual })], false);
    const vi = missing.filter((m) => m.lang === 'vi').map((m) => `${m.slide ?? 'header'} ${m.path}`);
    expect(vi).toEqual(['header walls[0].title', 'header walls[0].sticker.name', 'header translationMark', '1 body', '2 body', '2 activity.prompt', '2 activity.label']);
    expect(missing.filter((m) => m.lang === 'es')).toHaveLength(2);
  });

  it('fails on a deck it cannot read, naming the file, the slide and the field, and still checks the others', () => {
    const dir = slidesFolder({
      'a-broken.md': halfTranslated.replace('label: Your idea', 'label: Your idea\nprompt_es: Una idea'),
      'b-fine.md': halfTranslated.replace('id: tiny', 'id: fine'),
    });
    const result = checkDecks([dir], false);
    expect(result.errors).toEqual(['a-broken.md, slide 2, activity: prompt_es: unknown field "prompt_es"']);
    expect(result.report).toContain('b-fine.md (fine): 2 slides in en, es');
    expect(result.exitCode).toBe(1);
  });

  it('fails when two decks claim the same id', () => {
    const result = checkDecks([slidesFolder({ 'one.md': halfTranslated, 'two.md': halfTranslated })], false);
    expect(result.errors).toEqual(['two.md: deck id "tiny" is already used by one.md']);
    expect(result.exitCode).toBe(1);
  });

  it('reads the example deck in README’s "Writing a deck", complete in both its languages', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const example = readme.split('## Writing a deck')[1].split('```markdown\n')[1].split('\n```')[0];
    const result = checkDecks([slidesFolder({ 'family-night.md': example })], true);
    expect(result.report).toContain('family-night.md (family-night): 2 slides in en, es\n  es: nothing missing');
    expect(result.exitCode).toBe(0);
  });

  it('runs as a command: strict from --strict or from npm’s own flag, exit code 1 on gaps', async () => {
    const dir = slidesFolder({ 'family-night.md': halfTranslated });
    const run = (args: string[], env: Record<string, string> = {}) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/deck/deck-check.ts', ...args], { env: { ...process.env, ...env } }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    const lenient = await run([dir]);
    expect(lenient).toMatchObject({ code: 0, stdout: expect.stringContaining('es: 2 missing') });
    expect(await run(['--strict', dir])).toMatchObject({ code: 1, stdout: expect.stringContaining('[strict]') });
    expect(await run([dir], { npm_config_strict: 'true' })).toMatchObject({ code: 1 });
  });
});
