import { readFileSync } from 'node:fs';
import { expect, joinOnPhone, newPhone, test } from './fixtures.js';

/** The notes view's Records panel is on every slide; downloading from it moves nobody. */
test('records download from any slide, and the phones stay where the room is', async ({ browser, server }) => {
  const session = await server.startSession();
  const notes = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })).newPage();
  await notes.goto(session.links.notes);
  const records = notes.getByRole('region', { name: 'Records' });
  await expect(records.getByRole('button', { name: 'Session summary (PDF)' })).toBeVisible();

  const phone = await newPhone(browser);
  await joinOnPhone(phone.page, session.links.join, 'Ana', 'Parent or family');
  await server.api('PUT', `/api/sessions/${session.code}/presentation/slide`, session.leadKey, { slide: 28 });
  await expect(phone.page.getByRole('heading', { name: /feedback/i })).toBeVisible();
  await expect(notes.getByText('Slide 28 of 28')).toBeVisible();

  const attendance = notes.waitForEvent('download');
  await records.getByRole('button', { name: 'Attendance by group (CSV)' }).click();
  const file = await (await attendance).path();
  expect(readFileSync(file, 'utf8')).toContain('parent,1');
  const summary = notes.waitForEvent('download');
  await records.getByRole('button', { name: 'Session summary (PDF)' }).click();
  expect(readFileSync(await (await summary).path()).subarray(0, 5).toString()).toBe('%PDF-');

  // Nobody moved: the notes view and the phone are still on the feedback slide.
  await expect(notes.getByText('Slide 28 of 28')).toBeVisible();
  await expect(phone.page.getByRole('heading', { name: /feedback/i })).toBeVisible();
  expect((await server.api('GET', `/api/sessions/${session.code}/pacing`, session.leadKey)).status).toBe(200);
});
