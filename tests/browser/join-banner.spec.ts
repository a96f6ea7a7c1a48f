import type { Page } from '@playwright/test';
import { expect, newPhone, test } from './fixtures.js';

/** The type sizes of every piece of text in the join banner, in screen pixels. */
function bannerTextSizes(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('pd-join-banner')!.shadowRoot!;
    const sizes: { text: string; px: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text) sizes.push({ text, px: parseFloat(getComputedStyle(node.parentElement!).fontSize) });
    }
    return sizes;
  });
}

test('the join banner on the opening slide: what to type, large enough for the back row, and it works', async ({ browser, server }) => {
  const session = await server.startSession();
  const host = new URL(session.links.join).host;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const deck = await context.newPage();
  await deck.goto(session.links.present);

  const banner = deck.getByRole('region', { name: 'How to join' });
  await expect(banner).toContainText(`Join at ${host}/join`);
  await expect(banner).toContainText('and enter the code');
  await expect(deck.getByLabel('Session code')).toHaveText(session.code);
  // Everything the room reads on the opening slide's banner is at least 22 px on a 1280-wide screen.
  const small = (await bannerTextSizes(deck)).filter((t) => t.px < 22);
  expect(small).toEqual([]);

  // A person types what the banner says, then the code, and is in.
  const { page: phone } = await newPhone(browser);
  await phone.goto(`http://${host}/join`);
  await phone.getByLabel('Session code').fill(session.code);
  await phone.getByLabel(/First name/).fill('Rosa');
  await phone.getByLabel('I am here as').selectOption({ label: 'Parent or family' });
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone.getByText('You joined as Rosa')).toBeVisible();
  await expect(banner.getByRole('status')).toHaveText('1 joined');
});
