import { INCOMPATIBLE_CLIENT } from '../../server/contract/wire.js';
import { expect, joinOnPhone, newPhone, test } from './fixtures.js';

/**
 * What a person sees when the server says no: a refused click explains itself beside the
 * control, and a page left open across an upgrade reloads once, then says it is out of date.
 */
test('a refused click on the notes view says why instead of failing silently', async ({ browser, server }) => {
  const session = await server.startSession();
  expect((await server.api('PUT', `/api/sessions/${session.code}/presentation/slide`, session.leadKey, { slide: 13 })).status).toBe(200);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const notes = await context.newPage();
  const pageErrors: string[] = [];
  notes.on('pageerror', (error) => pageErrors.push(error.message));
  await notes.goto(session.links.notes);
  await notes.getByRole('button', { name: 'Start birthday line-up' }).click();
  await expect(notes.getByRole('status').filter({ hasText: 'Birthday line-up: 0 of 0 answered' })).toBeVisible();

  // Nobody has joined: the server refuses to make groups, and the facilitator reads why.
  await notes.getByRole('button', { name: 'Make groups' }).click();
  await expect(notes.getByRole('alert')).toHaveText('Not done: nobody has joined yet.');
  expect(pageErrors).toEqual([]);

  // Once someone has joined, the same click goes through and the message leaves.
  const phone = await newPhone(browser);
  await joinOnPhone(phone.page, session.links.join, 'Ana', 'Teacher');
  await notes.getByRole('button', { name: 'Make groups' }).click();
  await expect(notes.getByRole('status').filter({ hasText: '1 group' })).toBeVisible();
  await expect(notes.getByRole('alert')).toHaveCount(0);
  await context.close();
  await phone.context.close();
});

test('a phone of another protocol version reloads once, then says it is out of date', async ({ browser, server }) => {
  const session = await server.startSession();
  const phone = await newPhone(browser);
  await joinOnPhone(phone.page, session.links.join, 'Ben', 'Parent or family');

  // From now on the server speaks a version this page does not: it refuses the stream.
  let refusals = 0;
  await phone.page.route('**/api/sessions/*/stream', (route) => {
    refusals++;
    return route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: INCOMPATIBLE_CLIENT, message: 'This page speaks version 1 of the live protocol; the server speaks 2. Reload the page.' } }),
    });
  });
  let loads = 0;
  phone.page.on('load', () => loads++);
  await phone.page.reload();
  await expect(phone.page.getByRole('alert')).toHaveText('This page is out of date and could not update itself. Close it and open the join link again.');
  // The first refusal reloaded the page once; the reloaded page, refused again, stopped there.
  expect(loads).toBe(2);
  expect(refusals).toBe(2);
  await phone.page.waitForTimeout(1500);
  expect(loads).toBe(2);
  expect(refusals).toBe(2);

  // Once the server accepts the page again (it was updated), it works as before.
  await phone.page.unroute('**/api/sessions/*/stream');
  await phone.page.reload();
  await expect(phone.page.getByRole('heading', { name: 'Watch the screen' })).toBeVisible();
  await phone.context.close();
});
