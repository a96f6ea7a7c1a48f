import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { layoutProblems, restTheMouse, slideLayout } from './room-layout.js';
import { seedRoom } from './room-seed.js';

/**
 * The gallery walk's tallies on a 1280×720 projector at 100 people: a statement that takes
 * two lines still ends in its whole "Top 6" badge (never "Top" at a line's end and "6" on
 * the next), and everything stays on the slide. Each wall is brought up by its tab, as the
 * lead does, so its first page (the top statements, with their badges) is the one shown.
 *
 * Screenshots go to /tmp/shots-badges (ROOM_SHOTS=0 to skip them).
 */
const SHOTS = '/tmp/shots-badges';

/** Each badge the room sees on the wall shown, with how many lines its words take. */
function badgeLines(page: Page): Promise<{ text: string; lines: number }[]> {
  return page.locator('pd-gallery-board').evaluate((board) => {
    const badges = [...board.shadowRoot!.querySelectorAll('section.current .badge')].filter((b) => b.checkVisibility({ visibilityProperty: true }));
    return badges.map((badge) => {
      const range = document.createRange();
      range.selectNodeContents(badge);
      // A line of the badge is a distinct top among its text's boxes.
      const tops = new Set([...range.getClientRects()].filter((r) => r.width >= 1).map((r) => Math.round(r.top)));
      return { text: (badge.textContent ?? '').trim(), lines: tops.size };
    });
  });
}

test('the gallery walk at 100 people: a two-line statement keeps its "Top 6" badge on one line, all on the slide', async ({ browser, server }) => {
  test.setTimeout(180_000);
  const shots = process.env.ROOM_SHOTS !== '0';
  if (shots) mkdirSync(SHOTS, { recursive: true });
  const room = await seedRoom(server.url, server.operatorKey, 100);
  const api = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${room.code}${path}`, room.leadKey, body);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await page.goto(room.links.present);
  await api('PUT', '/presentation/slide', { slide: 23 });
  await api('PUT', '/gallery/reveal', { revealed: true });
  const slide = page.locator('section.present[data-slide="23"]');
  await expect(slide).toBeVisible();
  const tabs = page.getByRole('list', { name: 'The walls, shown in turn' }).getByRole('button');
  await expect(tabs).toHaveCount(3);
  let twoLineTops = 0;
  for (let i = 0; i < 3; i++) {
    const tab = tabs.nth(i);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-pressed', 'true');
    await restTheMouse(page);
    await expect(slide).toHaveCSS('opacity', '1');
    const badges = page.locator('pd-gallery-board').locator('section.current .badge');
    await expect(badges.first()).toBeVisible();
    const lines = await badgeLines(page);
    expect(lines.length, `wall ${i + 1}: its top statements have badges`).toBeGreaterThan(0);
    expect(
      lines.filter((b) => b.lines !== 1),
      `wall ${i + 1}: every badge on one line`,
    ).toEqual([]);
    // The case this is about: statements long enough to take two lines (or more) on the slide.
    twoLineTops += await page
      .locator('pd-gallery-board')
      .evaluate(
        (board) =>
          [...board.shadowRoot!.querySelectorAll('section.current .row.top .text')].filter(
            (t) => t.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(t).lineHeight),
          ).length,
      );
    if (shots) await page.screenshot({ path: `${SHOTS}/room-100-1280-s23r-wall${i + 1}.png` });
    expect(layoutProblems(await slideLayout(page)), `wall ${i + 1} at 100 people, 1280 px wide`).toEqual([]);
  }
  expect(twoLineTops, 'some top statements take two lines').toBeGreaterThan(0);
});
