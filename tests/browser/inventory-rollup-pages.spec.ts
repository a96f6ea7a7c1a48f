import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type TestServer } from './fixtures.js';
import { layoutProblems, restTheMouse, slideLayout } from './room-layout.js';
import { expectRoomReads, inLanguages } from './room-reads.js';

/**
 * The inventory's roll-up as the back row reads it on a 1280×720 projector: the team's
 * decisions and their notes are text the room reads whole (not boxes that cut them), every
 * activity is at least 24 slide pixels (deck.css: nothing the room reads is smaller) and
 * inside the slide, and a strategy with ten activities is paged, the presenter's next and
 * previous turning the pages before they move to the next strategy.
 *
 * Screenshots go to /tmp/shots-i13-rollup: the ten-activity strategy with 4 and with 25
 * members, in English and in Spanish.
 */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-i13-rollup';
/** Create Awareness: the second strategy, ten activities; its marking slide and its roll-up. */
const AWARENESS = { marking: 5, rollup: 12 } as const;
/** The second year's "Since last year" slide. */
const CHANGES_SLIDE = 17;
const MIN_PX = 24;
const GROUPS = ['district-facilitator', 'principal', 'sac-chair', 'parent'];
const LONG_NOTE_ES =
  'Revisar con la coordinación de participación familiar antes de la reunión del consejo escolar de octubre, y confirmar quién presenta a las familias el presupuesto del Título I';
const MARKUP_NOTE = 'Ver el <em>acta</em> de septiembre';
const OTHERS = [
  'Monthly coffee with the superintendent for families, with interpreters in Spanish and Vietnamese',
  'Partnership page on the district website with the calendar of every school',
  'Radio spot on the local Spanish station',
  'Back-to-school fair with community partners in every feeder pattern',
];

interface Words {
  strategies: { id: string; title: string; activities: { id: string; text: string }[] }[];
}

/** An inventory whose team of `members` has marked Create Awareness (disagreeing on much of it), added its own activities, and decided some. */
async function markedInventory(server: TestServer, members: number) {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.operatorKey}` },
    body: JSON.stringify({ deckId: 'district-inventory', schoolName: 'Mesa Valley School District' }),
  });
  expect(res.status).toBe(201);
  const session = (await res.json()) as { code: string; leadKey: string; links: { present: string } };
  const api = (method: string, path: string, key: string, body?: unknown) => server.api(method, `/api/sessions/${session.code}${path}`, key, body);
  const staff = (method: string, path: string, body?: unknown) => api(method, path, session.leadKey, body);
  const tokens: string[] = [];
  for (let i = 0; i < members; i++) {
    const joined = await fetch(`${server.url}/api/sessions/${session.code}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `join-member-${i}` },
      body: JSON.stringify({ name: `Member ${i + 1}`, group: GROUPS[i % GROUPS.length] }),
    });
    expect(joined.status, await joined.clone().text()).toBe(201);
    tokens.push(((await joined.json()) as { token: string }).token);
  }
  expect((await staff('PUT', '/presentation/slide', { slide: AWARENESS.marking })).status).toBe(200);
  // Each activity its own mix: some conducted by a share of the team (a disagreement), some never.
  for (const [i, token] of tokens.entries()) {
    for (let a = 1; a <= 10; a++) {
      const r = ((i * 37 + a * 11) % 97) / 97;
      const mark = r < (a % 4) * 0.22 ? 'conducted' : r < 0.8 ? 'initiate' : null;
      expect((await api('PUT', `/inventory/marks/awareness-${a}`, token, { mark })).status).toBe(200);
    }
  }
  for (const [i, text] of OTHERS.slice(0, members >= 25 ? 4 : 1).entries()) {
    expect((await api('POST', '/inventory/others', tokens[i], { strategy: 'awareness', text, mark: 'initiate' })).status).toBe(201);
  }
  for (const [item, decision, note] of [
    ['awareness-1', 'conducted', ''],
    ['awareness-3', 'initiate-this-year', LONG_NOTE_ES],
    ['awareness-6', 'later', MARKUP_NOTE],
    ['awareness-9', 'not-for-us', ''],
  ]) {
    expect((await staff('PUT', `/inventory/decisions/${item}`, { decision, note })).status).toBe(200);
  }
  expect((await staff('PUT', '/presentation/slide', { slide: AWARENESS.rollup })).status).toBe(200);
  const words = async (lang: string) => (await (await fetch(`${server.url}/api/sessions/${session.code}/inventory/words?lang=${lang}`)).json()) as Words;
  return { ...session, words };
}

async function projector(page: Page, link: string, lang: string) {
  const url = new URL(link);
  url.search = `?lang=${lang}`;
  await page.goto(url.toString());
  return page.locator('.reveal .slides > section.present');
}

/** Where a piece of text shows on the projector: its font size, and whether all of it is on the slide and not cut by any box it sits in. */
function shownWhole(text: Locator) {
  return text.evaluate((el) => {
    const up = (at: Element): Element | null => at.parentElement ?? ((at.getRootNode() as ShadowRoot).host || null);
    let slide: Element = el;
    while (!slide.matches('section')) slide = up(slide)!;
    const s = slide.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const problems: string[] = [];
    if (r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.bottom > s.bottom + 1) problems.push('runs off the slide');
    if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1) problems.push('runs off the screen');
    // Every box it sits in that hides what overflows it must hold it whole.
    for (let at = up(el); at; at = up(at)) {
      if (getComputedStyle(at).overflow === 'visible') continue;
      const b = at.getBoundingClientRect();
      if (r.top < b.top - 1 || r.bottom > b.bottom + 1 || r.left < b.left - 1 || r.right > b.right + 1)
        problems.push(`cut by <${at.localName} class="${at.className}">`);
    }
    if ((el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1) problems.push('cut inside its own box');
    return { fontPx: parseFloat(getComputedStyle(el).fontSize), problems };
  });
}

test('a long Spanish decision note is read whole on the projector, as text', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const inventory = await markedInventory(server, 4);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'es-ES' })).newPage();
  const onScreen = await projector(page, inventory.links.present, 'es');
  const awareness = (await inventory.words('es')).strategies.find((s) => s.id === 'awareness')!;
  const rollup = onScreen.getByRole('list', { name: awareness.title });
  await expect(rollup).toBeVisible();
  // The projector is not where notes are typed: nothing on the roll-up is a box to type in or a menu.
  await expect(onScreen.getByRole('textbox')).toHaveCount(0);
  await expect(onScreen.getByRole('combobox')).toHaveCount(0);
  // The note's activity may be on a later page: turn the pages as the lead does.
  const note = onScreen.getByText(LONG_NOTE_ES, { exact: true });
  for (let turn = 0; turn < 4 && !(await note.isVisible()); turn++) await page.keyboard.press('ArrowRight');
  await expect(note).toBeVisible();
  await expect(onScreen.getByText('Decisión: Empezar este año').first()).toBeVisible();
  const shown = await shownWhole(note);
  expect(shown.problems, 'the note on the projector').toEqual([]);
  expect(shown.fontPx).toBeGreaterThanOrEqual(MIN_PX);
  // A note is shown as text: its markup is read as written, never made into HTML.
  await expect(page.locator('em', { hasText: 'acta' })).toHaveCount(0);
  // The roll-up as the room sees it passes axe (WCAG 2.2 AA).
  const axe = await new AxeBuilder({ page }).include('.reveal .slides > section.present').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/rollup-note-es-1280x720.png` });
});

for (const members of [4, 25]) {
  test(`ten activities with ${members} members: every activity at room size, inside the slide, all of them reached page by page`, async ({
    browser,
    server,
  }) => {
    test.setTimeout(180_000);
    mkdirSync(SHOTS, { recursive: true });
    const inventory = await markedInventory(server, members);
    for (const lang of ['en', 'es']) {
      const words = await inventory.words(lang);
      const awareness = words.strategies.find((s) => s.id === 'awareness')!;
      expect(awareness.activities).toHaveLength(10);
      const expected = [...awareness.activities.map((a) => a.text), ...OTHERS.slice(0, members >= 25 ? 4 : 1)];
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: lang === 'es' ? 'es-ES' : 'en-US' })).newPage();
      const onScreen = await projector(page, inventory.links.present, lang);
      const rollup = onScreen.getByRole('list', { name: awareness.title });
      await expect(rollup).toBeVisible();
      const pageOf = onScreen.getByText(lang === 'es' ? /^página \d+ de \d+$/ : /^page \d+ of \d+$/);
      await expect(pageOf).toBeVisible();
      const pages = Number((await pageOf.textContent())!.match(/\d+$/)![0]);
      expect(pages, 'ten activities at room size take more than one page').toBeGreaterThan(1);

      const seen = new Set<string>();
      for (let n = 1; n <= pages; n++) {
        await expect(pageOf).toHaveText(lang === 'es' ? `página ${n} de ${pages}` : `page ${n} of ${pages}`);
        await page.waitForTimeout(400); // the fade between reveal's steps
        await page.screenshot({ path: `${SHOTS}/rollup-awareness-${members}-members-${lang}-page-${n}.png` });
        for (const text of expected) {
          const line = rollup.getByText(text, { exact: false });
          if (!(await line.isVisible())) continue;
          const shown = await shownWhole(line);
          expect(shown.problems, `${lang}, page ${n}: "${text.slice(0, 40)}…"`).toEqual([]);
          expect(shown.fontPx, `${lang}, page ${n}: font size of "${text.slice(0, 40)}…"`).toBeGreaterThanOrEqual(MIN_PX);
          seen.add(text);
        }
        if (n < pages) await page.keyboard.press('ArrowRight');
      }
      expect(
        [...expected].filter((t) => !seen.has(t)),
        `${lang}: activities never shown`,
      ).toEqual([]);

      // Past the last page, next moves to the next strategy; previous comes back to the last page.
      await page.keyboard.press('ArrowRight');
      await expect(onScreen.getByRole('list', { name: words.strategies[2].title })).toBeVisible();
      await page.keyboard.press('ArrowLeft');
      await expect(rollup).toBeVisible();
      await expect(pageOf).toHaveText(lang === 'es' ? `página ${pages} de ${pages}` : `page ${pages} of ${pages}`);
      // And previous pages back to the first before it leaves the strategy.
      for (let n = pages; n > 1; n--) await page.keyboard.press('ArrowLeft');
      await expect(pageOf).toHaveText(lang === 'es' ? `página 1 de ${pages}` : `page 1 of ${pages}`);
      await page.screenshot({ path: `${SHOTS}/rollup-awareness-${members}-members-${lang}-1280x720.png` });
      // Back to the roll-up slide for the next language's screen.
      await page.context().close();
    }
  });
}

test('a projector in English and Spanish reads the roll-up in both: the activities, the decisions, the disagreements, the members', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const inventory = await markedInventory(server, 4);
  const [en, es] = await Promise.all([inventory.words('en'), inventory.words('es')]);
  const activity = (words: Words, id: string) => words.strategies.find((s) => s.id === 'awareness')!.activities.find((a) => a.id === id)!.text;
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const onScreen = await projector(page, inventory.links.present, 'en,es');
  const said = (lang: string, text: string | RegExp) => onScreen.locator(`[lang="${lang}"]`).filter({ hasText: text }).first();
  await expect(onScreen.getByRole('list', { name: en.strategies.find((s) => s.id === 'awareness')!.title })).toBeVisible();
  // The first page: the disagreements come first; the members' count is on every page.
  await expect(said('en', 'We see it differently')).toBeVisible();
  await expect(said('es', 'La vemos de manera distinta')).toBeVisible();
  await expect(said('en', /of 4 members have marked this strategy/)).toBeVisible();
  await expect(said('es', /de 4 miembros han marcado esta estrategia/)).toBeVisible();
  // The room's layout: nothing under room size, nothing off the slide, once the toolbar has faded.
  await restTheMouse(page);
  expect(layoutProblems(await slideLayout(page))).toEqual([]);
  mkdirSync('/tmp/shots-i12-more', { recursive: true });
  await page.screenshot({ path: '/tmp/shots-i12-more/rollup-en+es-1280x720.png' });
  // Awareness 1, decided "conducted", maybe on a later page: its text and the decision in each language.
  const decided = said('es', 'Decisión: Ya se realiza');
  for (let turn = 0; turn < 4 && !(await decided.isVisible()); turn++) await page.keyboard.press('ArrowRight');
  await expect(decided).toBeVisible();
  await expect(said('en', 'Decided: Conducted')).toBeVisible();
  await expect(said('en', activity(en, 'awareness-1'))).toBeVisible();
  await expect(said('es', activity(es, 'awareness-1'))).toBeVisible();
  expect(layoutProblems(await slideLayout(page))).toEqual([]);
});

test('a projector in English and Spanish reads the marking progress and the second year’s changes in both', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const inventory = await markedInventory(server, 4);
  const [en, es] = await Promise.all([inventory.words('en'), inventory.words('es')]);
  const title = (words: Words, id: string) => words.strategies.find((s) => s.id === id)!.title;
  const activity = (words: Words, id: string) => words.strategies.find((s) => s.id === 'awareness')!.activities.find((a) => a.id === id)!.text;
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await page.goto(inLanguages(inventory.links.present, 'en,es'));
  mkdirSync('/tmp/shots-i12-more', { recursive: true });

  // The marking slide: each strategy's name and how many of the 4 members have marked it, in each language.
  expect((await server.api('PUT', `/api/sessions/${inventory.code}/presentation/slide`, inventory.leadKey, { slide: AWARENESS.marking })).status).toBe(200);
  await expectRoomReads(page, new RegExp(`^${escaped(title(en, 'awareness'))}: 4 of 4 members have marked this strategy`), 'en');
  await expectRoomReads(page, new RegExp(`^${escaped(title(es, 'awareness'))}: 4 de 4 miembros han marcado esta estrategia`), 'es');
  await restTheMouse(page);
  expect(layoutProblems(await slideLayout(page))).toEqual([]);
  await page.screenshot({ path: '/tmp/shots-i12-more/progress-en+es-1280x720.png' });

  // A year later, started from this inventory: one activity to initiate last year is conducted now.
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.operatorKey}` },
    body: JSON.stringify({ deckId: 'district-inventory', schoolName: 'Mesa Valley School District', previousCode: inventory.code }),
  });
  expect(res.status).toBe(201);
  const year2 = (await res.json()) as { code: string; leadKey: string; links: { present: string } };
  const staff2 = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${year2.code}${path}`, year2.leadKey, body);
  expect((await staff2('PUT', '/inventory/decisions/awareness-3', { decision: 'conducted', note: '' })).status).toBe(200);
  expect((await staff2('PUT', '/presentation/slide', { slide: CHANGES_SLIDE })).status).toBe(200);
  await page.goto(inLanguages(year2.links.present, 'en,es'));
  // The columns, the activity and its before → now, each in the room's two languages.
  await expectRoomReads(page, 'Newly conducted (1)', 'en');
  await expectRoomReads(page, 'Ya se realizan (1)', 'es');
  await expectRoomReads(page, activity(en, 'awareness-3'), 'en');
  await expectRoomReads(page, activity(es, 'awareness-3'), 'es');
  await expectRoomReads(page, 'To initiate this year → Conducted', 'en');
  await expectRoomReads(page, 'Empezar este año → Ya se realiza', 'es');
  await restTheMouse(page);
  expect(layoutProblems(await slideLayout(page))).toEqual([]);
  await page.screenshot({ path: '/tmp/shots-i12-more/changes-en+es-1280x720.png' });
});
