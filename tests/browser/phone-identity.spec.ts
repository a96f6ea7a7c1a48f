import { expect, joinOnPhone, newPhone, test } from './fixtures.js';

/** A participant who mistyped their name or picked the wrong group fixes it on the phone. */
test('a participant changes name and group after joining; the notes view counts them in the new group', async ({ browser, server }) => {
  const session = await server.startSession();
  const notes = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await notes.goto(session.links.notes);
  const phone = await newPhone(browser);
  await joinOnPhone(phone.page, session.links.join, 'Anna', 'Teacher');
  const joined = notes.getByRole('region', { name: 'Who has joined' });
  await expect(joined.getByRole('definition').nth(1)).toHaveText('1');

  await phone.page.getByRole('button', { name: 'Change my name or group' }).click();
  const form = phone.page.getByRole('form', { name: 'Change my name or group' });
  await form.getByLabel(/First name/).fill('Ana');
  await form.getByLabel('I am here as').selectOption({ label: 'Parent or family' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(phone.page.getByText('You joined as Ana (Parent or family)')).toBeVisible();
  await expect(joined.getByRole('definition').nth(0)).toHaveText('1');
  await expect(joined.getByRole('definition').nth(1)).toHaveText('0');
  await phone.page.screenshot({ path: '/tmp/shots-i11/phone-en-identity.png' });
});
