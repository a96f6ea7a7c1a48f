import { expect, test } from './fixtures.js';
import { seedRoom } from './room-seed.js';

/**
 * The support facilitator's screen at 1280×800 with a room of 25: no sideways scrolling on
 * any activity slide, the current activity's tools first, and the agreement editor across
 * the whole width.
 */
test('the notes view fits 1280×800 on every activity slide, its tools first', async ({ browser, server }) => {
  test.setTimeout(180_000);
  const room = await seedRoom(server.url, server.operatorKey, 25);
  const notes = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await notes.goto(room.links.notes);
  for (const slide of [4, 11, 12, 13, 14, 18, 22, 23, 24, 26, 27, 28]) {
    await server.api('PUT', `/api/sessions/${room.code}/presentation/slide`, room.leadKey, { slide });
    await expect(notes.getByText(`Slide ${slide} of 28`)).toBeVisible();
    await notes.waitForTimeout(300);
    const width = await notes.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `slide ${slide}: page width`).toBeLessThanOrEqual(1280);
    const tools = notes.getByRole('region', { name: 'Tools for this activity' });
    if (await tools.count()) {
      const toolsTop = (await tools.boundingBox())!.y;
      const controlTop = (await notes.getByRole('region', { name: 'Slide control' }).boundingBox())!.y;
      if (slide === 24 || slide === 27) {
        // The agreement editor: the full width, above everything else.
        expect((await tools.boundingBox())!.width, 'agreement editor width').toBeGreaterThan(1200);
        expect(toolsTop).toBeLessThan(controlTop);
      } else {
        expect(toolsTop, `slide ${slide}: tools above the slide control`).toBeLessThan(controlTop);
      }
    }
    await notes.screenshot({ path: `/tmp/shots-i11/notes-1280x800-s${slide}.png` });
  }
});
