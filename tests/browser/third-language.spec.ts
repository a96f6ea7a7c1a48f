import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, freePort, test, TestServer } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A third language is files only: a catalog and the deck's translations, no code. Here a
 * small test language, "qt", written right to left, is added to copies of locales/ and of
 * Module 1 (its title, a group's name and slide 11's prompt and label translated, everything else left to
 * fall back), and a server started on those copies serves it.
 */
test('a test language added with files only: its catalog, its direction and its deck texts reach the phone', async ({ browser }) => {
  const folder = mkdtempSync(join(tmpdir(), 'partnerdeck-third-language-'));
  const locales = join(folder, 'locales');
  const slides = join(folder, 'slides');
  cpSync(join(ROOT, 'locales'), locales, { recursive: true });
  cpSync(join(ROOT, 'slides'), slides, { recursive: true });
  writeFileSync(
    join(locales, 'phone', 'qt.json'),
    JSON.stringify({
      $language: { name: 'Qtest', dir: 'rtl' },
      joinTitle: 'QT join the workshop',
      joinNameLabel: 'QT first name',
      joinGroupLabel: 'QT here as',
      joinButton: 'QT join',
      youAre: 'QT you are {name}',
      slideOf: 'QT slide {n} / {total}',
    }),
  );
  const deckFile = join(slides, 'module-1.md');
  const deck = readFileSync(deckFile, 'utf8')
    .replace('languages: [en, es]', 'languages: [en, es, qt]')
    .replace(
      '  es: "Construir colaboraciones para el logro estudiantil — Módulo 1"',
      '  es: "Construir colaboraciones para el logro estudiantil — Módulo 1"\n  qt: "QT Module 1"',
    )
    .replace(
      '  es: "Escriba un acuerdo del grupo que construya colaboración para el logro estudiantil."',
      '  es: "Escriba un acuerdo del grupo que construya colaboración para el logro estudiantil."\n  qt: "QT write one group agreement"',
    )
    .replace(
      'label: { en: "Your group agreement", es: "Su acuerdo del grupo" }',
      'label: { en: "Your group agreement", es: "Su acuerdo del grupo", qt: "QT your agreement" }',
    )
    // The groups people join as are the deck's, so their names are translated there too.
    .replace('name: { en: Parent or family, es: "Madre, padre o familia" }', 'name: { en: Parent or family, es: "Madre, padre o familia", qt: "QT family" }');
  expect(deck).toContain('QT your agreement');
  expect(deck).toContain('QT family');
  writeFileSync(deckFile, deck);

  const server = new TestServer(await freePort(), mkdtempSync(join(tmpdir(), 'partnerdeck-e2e-')), { LOCALES_DIR: locales, SLIDES_DIR: slides });
  await server.start();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'qt' });
  try {
    const { code, leadKey, links } = await server.startSession('Lincoln Elementary');
    await server.api('PUT', `/api/sessions/${code}/presentation/slide`, leadKey, { slide: 11 });
    const page = await context.newPage();
    await page.goto(links.join);
    await expect(page.locator('html')).toHaveAttribute('lang', 'qt');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByText('QT Module 1')).toBeVisible();
    await page.getByLabel('QT first name').fill('Lan');
    await page.getByLabel('QT here as').selectOption({ label: 'QT family' });
    await page.getByRole('button', { name: 'QT join' }).click();
    await expect(page.getByText('QT you are Lan')).toBeVisible();
    await expect(page.getByText('QT slide 11 / 28')).toBeVisible();
    // The deck's texts in the test language; a message its catalog leaves out is English.
    await expect(page.getByText('QT write one group agreement')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'QT your agreement' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  } finally {
    await context.close();
    await server.kill();
  }
});
