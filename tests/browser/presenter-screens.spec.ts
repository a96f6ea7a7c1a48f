import { expect, newPhone, test } from './fixtures.js';

/**
 * Any number of presenter screens follow the room's slide: the lead link open on the
 * projector and on a tablet, and the lead's phone-sized remote. Whoever moves the slide,
 * every other screen shows it.
 */
test('the projector follows a tablet and the remote; the remote shows the notes and the timer', async ({ browser, server }) => {
  const session = await server.startSession();
  const open = async (width: number, height: number) => {
    const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
    await page.goto(session.links.present);
    await expect(page.getByLabel('Session code')).toHaveText(session.code);
    return page;
  };
  const projector = await open(1280, 720);
  const tablet = await open(1024, 768);
  const shown = (page: typeof projector, slide: number) => expect(page.locator(`section.present[data-slide="${slide}"]`)).toBeVisible();

  // The tablet moves the room with its keys; the projector, untouched, follows.
  await tablet.locator('body').click();
  await tablet.keyboard.press('ArrowRight');
  await tablet.keyboard.press('ArrowRight');
  await shown(tablet, 3);
  await shown(projector, 3);

  // The remote on the lead's phone moves them both.
  const phone = await newPhone(browser);
  await phone.page.goto(session.links.remote);
  await expect(phone.page.getByText('Slide 3 of 28')).toBeVisible();
  await phone.page.getByRole('button', { name: 'Next' }).click();
  await shown(projector, 4);
  await shown(tablet, 4);
  await expect(phone.page.getByText('Slide 4 of 28')).toBeVisible();
  await expect(phone.page.getByRole('region', { name: 'Facilitator notes' })).toContainText(/\w{3,}/);
  await phone.page.getByRole('button', { name: 'Previous' }).click();
  await shown(projector, 3);

  // The projector moves too, and the remote follows it.
  await projector.locator('body').click();
  await projector.keyboard.press('ArrowRight');
  await expect(phone.page.getByText('Slide 4 of 28')).toBeVisible();
  await shown(tablet, 4);

  // On a slide with a timer the remote starts it; the projector shows the countdown.
  await server.api('PUT', `/api/sessions/${session.code}/presentation/slide`, session.leadKey, { slide: 22 });
  await expect(phone.page.getByText('Slide 22 of 28')).toBeVisible();
  await phone.page.getByRole('button', { name: /^Start \d+ min timer$/ }).click();
  await expect(projector.locator('section.present[data-slide="22"]').getByRole('timer')).toBeVisible();
  await phone.page.screenshot({ path: '/tmp/shots-i11/remote-390.png' });
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(overflow, 'the remote fits the phone without sideways scrolling').toBeLessThanOrEqual(0);
});
