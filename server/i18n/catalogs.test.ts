import { mkdirSync, mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR } from '../../tests/unit/test-app.js';
import { Catalog } from '../../web/shared/i18n/catalog.js';
import { acceptedLanguages, CatalogError, Catalogs } from './catalogs.js';

function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'partnerdeck-locales-'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof data === 'string' ? data : JSON.stringify(data));
  }
  return dir;
}

const english = { $language: { name: 'English' }, hello: 'Hello {name}', votes: { one: '{n} vote', other: '{n} votes' } };

describe('the message catalogs', () => {
  it('reads every family the project ships, each in English and Spanish with nothing missing', () => {
    const catalogs = Catalogs.load(LOCALES_DIR);
    // The pages' families, and those of the documents the server prints (the report, the summary; the plan's are the inventory's `plan-…` messages).
    expect(catalogs.families().sort()).toEqual(['agreement', 'inventory', 'phone', 'protocol', 'report', 'series', 'staff', 'start', 'summary']);
    for (const family of catalogs.families()) {
      expect(catalogs.languages(family).map((l) => l.code), family).toEqual(['en', 'es']);
    }
    expect(catalogs.missingReport()).toEqual([]);
  });

  it('adds a language from a file alone, fills what it leaves out from English and says which', () => {
    const dir = folderWith({ 'phone/en.json': english, 'phone/vi.json': { $language: { name: 'Tiếng Việt' }, hello: 'Xin chào {name}' } });
    const catalogs = Catalogs.load(dir);
    expect(catalogs.languages('phone')).toEqual([
      { code: 'en', name: 'English', dir: 'ltr' },
      { code: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
    ]);
    const vi = new Catalog(catalogs.catalog('phone', 'vi')!);
    expect(vi.t('hello', { name: 'Lan' })).toBe('Xin chào Lan');
    expect(vi.t('votes', { n: 2 })).toBe('2 votes');
    expect(vi.langOf('votes')).toBe('en');
    expect(vi.langOf('hello')).toBeUndefined();
  });

  it('writes right to left a language that Intl knows as such, or that its file says is', () => {
    const dir = folderWith({ 'phone/en.json': english, 'phone/ar.json': { $language: { name: 'العربية' } }, 'phone/en-XB.json': { $language: { name: 'Test', dir: 'rtl' } } });
    const catalogs = Catalogs.load(dir);
    expect(catalogs.catalog('phone', 'ar')!.language.dir).toBe('rtl');
    expect(catalogs.catalog('phone', 'en-XB')!.language.dir).toBe('rtl');
  });

  it('refuses a key English does not have, a value the page does not fill, and a bad plural, naming file and key', () => {
    const dir = folderWith({
      'phone/en.json': english,
      'phone/es.json': { $language: { name: 'Español' }, helo: 'Hola', hello: 'Hola {nombre}', votes: { uno: '{n} voto', other: '{n} votos' } },
    });
    let error: unknown;
    try {
      Catalogs.load(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const problems = (error as CatalogError).problems.join('\n');
    expect(problems).toMatch(/phone\/es\.json: "votes" must be a text, or plural forms/);
    expect(problems).toMatch(/phone\/es\.json: "helo" is not a message of these pages/);
    expect(problems).toMatch(/phone\/es\.json: "hello" names \{nombre\}, which the page does not fill in/);
  });

  it('needs English in every family and a name for every language', () => {
    expect(() => Catalogs.load(folderWith({ 'phone/es.json': { $language: { name: 'Español' } } }))).toThrow(/has no en\.json/);
    expect(() => Catalogs.load(folderWith({ 'phone/en.json': { hello: 'Hi' } }))).toThrow(/"\$language" must give the language's own name/);
    expect(() => Catalogs.load(folderWith({ 'phone/en.json': '{ not json' }))).toThrow(/is not valid JSON/);
  });

  it('picks the language a reader prefers, by base language too, else English', () => {
    const catalogs = Catalogs.load(LOCALES_DIR);
    expect(catalogs.pick('phone', acceptedLanguages('es-MX,es;q=0.9,en;q=0.8'))).toBe('es');
    expect(catalogs.pick('phone', acceptedLanguages('fr-FR, de;q=0.5'))).toBe('en');
    expect(catalogs.pick('phone', acceptedLanguages('fr;q=0.9, es;q=0.4, en;q=0.1'))).toBe('es');
    expect(acceptedLanguages('en;q=0.1, es')).toEqual(['es', 'en']);
  });

  it('chooses plural forms through Intl.PluralRules and writes dates in the language', () => {
    const catalogs = Catalogs.load(LOCALES_DIR);
    const es = new Catalog(catalogs.catalog('phone', 'es')!);
    const en = new Catalog(catalogs.catalog('phone', 'en')!);
    expect(en.t('pollVotes', { n: 1 })).toBe('1 vote');
    expect(en.t('pollVotes', { n: 3 })).toBe('3 votes');
    expect(es.t('pollVotes', { n: 1 })).toBe('1 voto');
    expect(es.t('pollVotes', { n: 1000 })).toBe('1000 votos'.replace('1000', new Intl.NumberFormat('es').format(1000)));
    expect(es.date('2025-03-04')).toBe('4 de marzo de 2025');
    expect(en.date('2025-03-04')).toBe('March 4, 2025');
    expect(es.date('next Tuesday')).toBe('next Tuesday');
  });
});

describe('a copy of the shipped catalogs with a third language', () => {
  it('loads with the third language listed for its family', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partnerdeck-locales-'));
    cpSync(LOCALES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'phone', 'vi.json'), JSON.stringify({ $language: { name: 'Tiếng Việt' }, joinTitle: 'Tham gia hội thảo' }));
    const catalogs = Catalogs.load(dir);
    expect(catalogs.languages('phone').map((l) => l.code)).toEqual(['en', 'es', 'vi']);
    expect(catalogs.languages('staff').map((l) => l.code)).toEqual(['en', 'es']);
  });
});
