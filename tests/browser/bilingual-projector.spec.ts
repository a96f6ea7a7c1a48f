import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { layoutProblems, restTheMouse, slideLayout } from './room-layout.js';
import { seedRoom } from './room-seed.js';

/**
 * The projector for a mixed room (`?lang=en,es`): every live word the room reads on an
 * activity slide is there in English and in Spanish, each marked with its language, and it
 * all still fits the 1280×720 slide at 25 and 100 people. And a projector with no `?lang=`
 * speaks its browser's language, the deck and the toolbar alike.
 *
 * Screenshots go to /tmp/shots-i12-live (ROOM_SHOTS=0 to skip them).
 */
const SHOTS = '/tmp/shots-i12-live';
/** The slides whose live content grows with the room, as in projector-room-size.spec.ts, and the poll. */
const SLIDES = [4, 11, 12, 13, 14, 18, 22, 23, 24, 26, 28];

function inLanguages(link: string, lang: string): string {
  const url = new URL(link);
  url.searchParams.set('lang', lang);
  return url.toString();
}

/** A text the room reads, on the current slide, in a part marked with its language. */
function said(page: Page, lang: string, text: string | RegExp): Locator {
  return page.locator('.reveal .slides > section.present').locator(`[lang="${lang}"]`).filter({ hasText: text });
}

async function showSettled(page: Page, slide: number) {
  const section = page.locator(`section.present[data-slide="${slide}"]`);
  await expect(section).toBeVisible();
  // The toolbar has faded out of the room's way (the mouse rests) and the slide has faded in.
  await restTheMouse(page);
  await expect(section).toHaveCSS('opacity', '1');
}

test('a projector in English and Spanish shows the live words in both, and they fit the slide at 25 and 100 people', async ({ browser, server }) => {
  test.setTimeout(420_000);
  const shots = process.env.ROOM_SHOTS !== '0';
  if (shots) mkdirSync(SHOTS, { recursive: true });

  // Before anyone writes: the empty walls and the gallery walk's first counts, in both languages.
  const fresh = await server.startSession('Lincoln Elementary');
  const freshApi = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${fresh.code}${path}`, fresh.leadKey, body);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(inLanguages(fresh.links.present, 'en,es'));
  await freshApi('PUT', '/presentation/slide', { slide: 11 });
  await showSettled(page, 11);
  await expect(said(page, 'en', 'Cards from phones will appear here.')).toBeVisible();
  await expect(said(page, 'es', 'Aquí aparecerán las tarjetas de los teléfonos.')).toBeVisible();
  // The wall's title and count: one line per language.
  await expect(said(page, 'en', 'Group Agreements · 0 cards')).toBeVisible();
  await expect(said(page, 'es', 'Acuerdos del grupo · 0 tarjetas')).toBeVisible();
  // A countdown run out (about a second): its words in both, beside the slide's heading.
  await freshApi('POST', '/timers/11', { action: 'start', minutes: 0.02 });
  await expect(said(page, 'en', "Time's up")).toBeVisible();
  await expect(said(page, 'es', 'Se acabó el tiempo')).toBeVisible();
  if (shots) await page.screenshot({ path: `${SHOTS}/en+es-empty-s11-times-up.png` });
  // In words, two lines of them, not the digits: half the digits' size (36 px) so they fit beside the heading.
  expect(layoutProblems(await slideLayout(page), { timerPx: 34 }), 'slide 11, time up, in two languages').toEqual([]);
  await freshApi('PUT', '/presentation/slide', { slide: 23 });
  await showSettled(page, 23);
  await expect(said(page, 'en', 'Blue · Group Agreements')).toBeVisible();
  await expect(said(page, 'es', 'Azul · Acuerdos del grupo')).toBeVisible();
  await expect(said(page, 'en', /^0 stickers placed · 0 of 0 people done$/)).toBeVisible();
  await expect(said(page, 'es', /^0 calcomanías puestas · 0 de 0 personas terminaron$/)).toBeVisible();
  if (shots) await page.screenshot({ path: `${SHOTS}/en+es-empty-s23.png` });
  await context.close();

  for (const people of [25, 100]) {
    const room = await seedRoom(server.url, server.operatorKey, people);
    const api = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${room.code}${path}`, room.leadKey, body);
    const show = (slide: number) => api('PUT', '/presentation/slide', { slide });
    const screen = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    const projector = await screen.newPage();
    await projector.goto(inLanguages(room.links.present, 'en,es'));
    await expect(projector.locator('section.present[data-slide="28"]')).toBeVisible();

    const check = async (slide: number, state = '') => {
      await showSettled(projector, slide);
      if (slide === 24) await expect(projector.getByLabel('Partnership Agreement draft').getByRole('listitem').first()).toBeVisible();
      await expect.poll(async () => (await slideLayout(projector)).texts.length, { message: `slide ${slide}${state}: something to read` }).toBeGreaterThan(1);
      if (shots) await projector.screenshot({ path: `${SHOTS}/en+es-${people}-1280-s${slide}${state}.png` });
      expect(layoutProblems(await slideLayout(projector)), `slide ${slide}${state} in two languages at ${people} people`).toEqual([]);
    };

    for (const slide of SLIDES) {
      await show(slide);
      if (slide === 22 || slide === 24) await api('POST', `/timers/${slide}`, { action: 'start' });
      if (slide === 18) await api('PUT', '/polls/18/reveal', { revealed: true });
      await check(slide);
      if (slide === 11) {
        await expect(said(projector, 'en', `Group Agreements · ${people} cards`)).toBeVisible();
        await expect(said(projector, 'es', `Acuerdos del grupo · ${people} tarjetas`)).toBeVisible();
      }
      if (slide === 23) {
        // Every person placed all 18: the counts and their words in both languages.
        // Each number as its language writes it: "1,800" in English, "1800" in Spanish.
        const stickers = (lang: string) => new Intl.NumberFormat(lang).format(people * 18);
        await expect(said(projector, 'en', `${stickers('en')} stickers placed · ${people} of ${people} people done`)).toBeVisible();
        await expect(said(projector, 'es', `${stickers('es')} calcomanías puestas · ${people} de ${people} personas terminaron`)).toBeVisible();
        await expect(said(projector, 'en', 'Green · Examples')).toBeVisible();
        await expect(said(projector, 'es', 'Verde · Ejemplos')).toBeVisible();
        await api('PUT', '/gallery/reveal', { revealed: true });
        await check(23, 'r');
        // Revealed: the walls' tabs and the top statements' badges, in both.
        const firstWall = projector.getByRole('button', { name: 'Group Agreements Acuerdos del grupo' });
        await expect(firstWall).toBeVisible();
        // The walls' pages take turns by the clock, so the board may be on a wall's later page,
        // below its top six; the lead asks for the first wall by its tab, as in the room, and
        // its first page (the top six) shows for the next turn.
        await firstWall.click();
        await expect(firstWall).toHaveAttribute('aria-pressed', 'true');
        await expect(said(projector, 'en', 'Top 6').filter({ visible: true }).first()).toBeVisible();
        await expect(said(projector, 'es', 'Entre las 6 primeras').filter({ visible: true }).first()).toBeVisible();
      }
      if (slide === 18) {
        // The poll's choices as each deck words them, and its count.
        await expect(said(projector, 'en', 'Personal integrity ✓')).toBeVisible();
        await expect(said(projector, 'es', 'Integridad personal ✓')).toBeVisible();
        await expect(said(projector, 'es', `${people} personas votaron`)).toBeVisible();
      }
      if (slide === 22) {
        await expect(said(projector, 'en', 'Examples · ')).toBeVisible();
        await expect(said(projector, 'es', 'Ejemplos · ')).toBeVisible();
      }
    }
    await screen.close();
  }
});

test('a projector in a Spanish browser, with no ?lang=, shows the deck and the toolbar in Spanish', async ({ browser, server }) => {
  const { code, leadKey, links } = await server.startSession('Escuela Lincoln');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto(links.present);
  await expect(page.getByRole('toolbar', { name: 'Controles de la presentación' })).toBeVisible();
  await server.api('PUT', `/api/sessions/${code}/presentation/slide`, leadKey, { slide: 11 });
  const slide = page.locator('section.present[data-slide="11"]');
  await expect(slide).toBeVisible();
  await expect(slide.getByRole('heading', { name: 'Actividad 1: Acuerdos del grupo' })).toBeVisible();
  await expect(slide).toHaveAttribute('lang', 'es');
  await expect(slide.getByText('Activity 1: Group Agreements')).toHaveCount(0);
  // The live words speak the deck's language too.
  await expect(slide.getByText('Aquí aparecerán las tarjetas de los teléfonos.')).toBeVisible();
  await expect(slide.getByText('Acuerdos del grupo · 0 tarjetas')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  if (process.env.ROOM_SHOTS !== '0') {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/es-browser-s11.png` });
  }
  await context.close();
});
