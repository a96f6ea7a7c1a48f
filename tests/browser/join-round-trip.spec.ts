import { expect, newPhone, test } from './fixtures.js';

/**
 * Joining is one round trip after the page loads: the join link's page already names the
 * workshop, and the join's answer brings the phone's first view. Here the live stream is
 * held back entirely, and the phone still shows the current activity after Join, having
 * made the one request.
 */
test('after the page loads, joining takes one request: the phone shows the current activity before its stream answers', async ({ browser, server }) => {
  const { code, leadKey, links } = await server.startSession('Lincoln Elementary');
  await server.api('PUT', `/api/sessions/${code}/presentation/slide`, leadKey, { slide: 11 });
  const { context, page } = await newPhone(browser);
  try {
    await page.goto(links.join);
    await expect(page.getByText('Lincoln Elementary', { exact: false })).toBeVisible();
    const requests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) requests.push(`${request.method()} ${url.pathname}`);
    });
    // The stream never answers: whatever the phone shows comes from the join's answer.
    await page.route('**/stream', () => {});
    await page.getByLabel(/First name/).fill('Ann');
    await page.getByLabel('I am here as').selectOption({ label: 'Parent or family' });
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('textbox', { name: 'Your group agreement' })).toBeVisible();
    await expect(page.getByText('You joined as Ann')).toBeVisible();
    expect(requests.filter((r) => !r.endsWith('/stream'))).toEqual([`POST /api/sessions/${code}/participants`]);
  } finally {
    await context.close();
  }
});
