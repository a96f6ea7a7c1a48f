import { expect, test } from './fixtures.js';

/**
 * The operator's start page on a flaky network: "Start a session" reaches the server but
 * its answer is lost, the page says the session could not be started, the operator asks
 * again, and the school has one session, not two (the retry goes with the same
 * Idempotency-Key, and the server answers it with the session the first request started).
 */
// The server is shared by the worker's tests, so the school's name is one no other test uses.
test('a start whose answer was lost, asked again, starts one session', async ({ page, server }) => {
  const keys: string[] = [];
  await page.route('**/api/sessions', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    keys.push(request.headers()['idempotency-key'] ?? '');
    if (keys.length === 1) {
      // It reaches the server and is applied; its answer never comes back.
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.goto(server.operatorLink);
  await page.getByLabel('School name').fill('Maple Grove K-8');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByText('The session could not be started.')).toBeVisible();

  await page.getByRole('button', { name: 'Start a session' }).click();
  const started = page.getByRole('region', { name: /^Session [A-Z0-9]{6}$/ }).filter({ hasText: 'Maple Grove K-8' });
  await expect(started).toBeVisible();
  await expect(page.getByText('The session could not be started.')).toBeHidden();
  await expect(started).toHaveCount(1);
  const { json } = await server.api('GET', '/api/sessions', server.operatorKey);
  expect(json.sessions.filter((s: { schoolName: string }) => s.schoolName === 'Maple Grove K-8')).toHaveLength(1);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(keys[0]).toMatch(/^[0-9a-f]{24}$/);
});
