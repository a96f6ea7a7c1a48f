import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type TestServer } from './fixtures.js';

/**
 * The district inventory's words fit where they are shown, in English and in Spanish: in
 * the notes view, where the roll-up's decisions are recorded, every decision drop-down is
 * as wide as its longest choice (no choice cut off), and on the printed Leadership Action
 * Plan, at a laptop's width and a phone's, nothing in the plan runs out of its cell or off the page and no word is broken
 * in the middle.
 *
 * Screenshots go to /tmp/shots-inventory-fit.
 */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-inventory-fit';
const ROLLUP_SLIDE = 11;

async function inventoryWithDecisions(server: TestServer) {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.operatorKey}` },
    body: JSON.stringify({ deckId: 'district-inventory', schoolName: 'Distrito Escolar Unificado de Valle Mesa' }),
  });
  expect(res.status).toBe(201);
  const session = (await res.json()) as { code: string; leadKey: string; links: { present: string; notes: string } };
  const staff = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${session.code}${path}`, session.leadKey, body);
  // Every decision the team can record, the longest ones among them, and notes.
  const decisions = ['conducted', 'initiate-this-year', 'initiate-this-year', 'later', 'not-for-us', 'initiate-this-year'];
  for (const [i, decision] of decisions.entries()) {
    expect((await staff('PUT', `/inventory/decisions/align-${i + 1}`, { decision, note: 'Revisar con la coordinación de participación familiar' })).status).toBe(200);
  }
  for (const item of ['awareness-2', 'document-2']) expect((await staff('PUT', `/inventory/decisions/${item}`, { decision: 'initiate-this-year' })).status).toBe(200);
  // Plan rows as a Spanish-speaking team writes them: long words, long names.
  for (const item of ['align-2', 'align-3', 'align-6', 'awareness-2', 'document-2']) {
    const row = {
      lead: 'Coordinadora de Participación Familiar y Comunitaria',
      start: '2025-09-01',
      due: '2026-06-15',
      resources: ['time', 'staff', 'title-i-funding'],
      resourcesNote: 'Presupuesto complementario interdepartamental',
      documentation: 'Documentación trimestral de responsabilidades, encuestas de satisfacción y actas',
      status: 'in-progress',
    };
    expect((await staff('PUT', `/inventory/plan-rows/${item}`, row)).status).toBe(200);
  }
  return { ...session, staff };
}

/** Each decision drop-down on the slide, with its own width and the width it takes when nothing constrains it (its longest choice). */
function decisionWidths(page: Page) {
  return page.evaluate(() => {
    const found: { label: string; width: number; natural: number }[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!(el instanceof HTMLSelectElement) || !el.getAttribute('aria-label')?.match(/^(Decision for|Decisión para): /)) continue;
        const free = el.cloneNode(true) as HTMLSelectElement;
        Object.assign(free.style, { width: 'auto', minWidth: '0', maxWidth: 'none', position: 'absolute', visibility: 'hidden' });
        el.after(free);
        found.push({ label: el.getAttribute('aria-label')!, width: el.getBoundingClientRect().width, natural: free.getBoundingClientRect().width });
        free.remove();
      }
    };
    visit(document);
    return found;
  });
}

/** What does not fit on the plan page: cells whose text runs out of them, the page wider than the screen, words broken across lines. */
function planProblems(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('pd-plan-page')!;
    const root = host.shadowRoot!;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth + 1) problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${innerWidth} px screen`);
    /** The part of an element a reader can see: its box within every ancestor that hides what overflows it. */
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      let [left, right, top, bottom] = [r.left, r.right, r.top, r.bottom];
      for (let at = el.parentElement; at; at = at.parentElement) {
        if (getComputedStyle(at).overflowX === 'visible') continue;
        const a = at.getBoundingClientRect();
        [left, right, top, bottom] = [Math.max(left, a.left), Math.min(right, a.right), Math.max(top, a.top), Math.min(bottom, a.bottom)];
      }
      return right - left >= 1 && bottom - top >= 1 ? { right } : null;
    };
    for (const cell of root.querySelectorAll<HTMLElement>('th, td, h1, h2, .district')) {
      // A heading kept for screen readers only (the phone layout's column names) is not seen.
      const box = seen(cell);
      if (!box) continue;
      const text = (cell.textContent ?? '').trim().slice(0, 40);
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`"${text}" runs out of its cell (${cell.scrollWidth} > ${cell.clientWidth} px)`);
      if (box.right > innerWidth + 1) problems.push(`"${text}" ends off the screen (${Math.round(box.right)} px)`);
    }
    // A word on two lines has two boxes; a date (2025-09-01) is read as one word.
    const walker = document.createTreeWalker(root.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\d{4}-\d{2}-\d{2}|[\p{L}\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`"${match[0]}" is broken across ${lines.size} lines`);
      }
    }
    return problems;
  });
}

test('the inventory fits its words: decision drop-downs in the notes view show their whole choice, the Spanish plan wraps between words', async ({ browser, server }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const inventory = await inventoryWithDecisions(server);
  expect((await inventory.staff('PUT', '/presentation/slide', { slide: ROLLUP_SLIDE })).status).toBe(200);

  for (const locale of ['en-US', 'es-ES']) {
    const lang = locale.slice(0, 2);
    const notes = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale })).newPage();
    await notes.goto(inventory.links.notes);
    const decision = notes.getByRole('combobox', { name: lang === 'es' ? /^Decisión para: / : /^Decision for: / });
    await expect(decision.first()).toBeVisible();
    await expect(decision.nth(1)).toHaveValue('initiate-this-year');
    await notes.screenshot({ path: `${SHOTS}/notes-rollup-${lang}-1280x720.png` });
    const widths = await decisionWidths(notes);
    expect(widths.length, `${lang}: decision drop-downs on the roll-up`).toBeGreaterThanOrEqual(7);
    const cut = widths.filter((w) => w.width < w.natural - 0.5).map((w) => `${w.label}: ${w.width.toFixed(0)} px of ${w.natural.toFixed(0)} px`);
    expect(cut, `${lang}: decision drop-downs narrower than their longest choice`).toEqual([]);
    await notes.context().close();
  }

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    const page = await (await browser.newContext({ viewport, locale: 'es-ES' })).newPage();
    await page.goto(`${server.url}/plan/${inventory.code}?lang=es`);
    await expect(page.getByRole('heading', { name: 'Plan de Acción de Liderazgo para la Colaboración' })).toBeVisible();
    await expect(page.getByText('Coordinadora de Participación Familiar y Comunitaria').first()).toBeVisible();
    // Stacked on a phone, the plan is still a table to a screen reader: a row per activity.
    await expect(page.getByRole('row').filter({ hasText: 'Coordinadora de Participación Familiar y Comunitaria' })).toHaveCount(5);
    await page.screenshot({ path: `${SHOTS}/plan-es-${viewport.width}x${viewport.height}.png`, fullPage: true });
    expect(await planProblems(page), `the Spanish plan at ${viewport.width}×${viewport.height}`).toEqual([]);
    await page.context().close();
  }
});
