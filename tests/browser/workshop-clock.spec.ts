import { expect, test } from './fixtures.js';

/** Pacing counts from the workshop's start, not from `npm start`; the lead can restart the clock. */
test('the notes view counts pacing from the start of the workshop, and the clock can be restarted', async ({ browser, server }) => {
  const session = await server.startSession();
  const notes = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await notes.goto(session.links.notes);
  const pacing = notes.getByRole('region', { name: 'Pacing' });
  await expect(pacing.getByRole('status')).toHaveText('The workshop has not started');
  await expect(notes.getByRole('region', { name: 'Section clock' })).toHaveCount(0);

  // The first move past the title slide starts it.
  await server.api('PUT', `/api/sessions/${session.code}/presentation/slide`, session.leadKey, { slide: 2 });
  await expect(pacing.getByRole('status')).toHaveText('On time');
  await expect(pacing.getByText(/^Started at /)).toBeVisible();
  await expect(notes.getByRole('region', { name: 'Section clock' })).toContainText(/^[\s\S]*0:0\d/);

  // Restarting asks first, then counts from now.
  const before = (await server.api('GET', `/api/sessions/${session.code}/pacing`, session.leadKey)).json.startedAt as number;
  await pacing.getByRole('button', { name: 'Restart the clock' }).click();
  await pacing.getByRole('button', { name: 'Yes, count from now' }).click();
  await expect.poll(async () => (await server.api('GET', `/api/sessions/${session.code}/pacing`, session.leadKey)).json.startedAt).toBeGreaterThan(before);
  await expect(pacing.getByRole('button', { name: 'Restart the clock' })).toBeVisible();
});

test('a session where the lead starts the workshop by hand, on the title slide', async ({ browser, server }) => {
  const session = await server.startSession();
  const notes = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await notes.goto(session.links.notes);
  await notes.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(notes.getByRole('region', { name: 'Pacing' }).getByRole('status')).toHaveText('On time');
  await expect(notes.getByRole('region', { name: 'Section clock' })).toBeVisible();
});
