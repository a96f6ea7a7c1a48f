import { expect, joinOnPhone, newPhone, test } from './fixtures.js';
import { StallingProxy } from './stalling-proxy.js';

/**
 * A phone on Wi-Fi that dies without saying so. Between the phone and the server sits a
 * proxy that stops passing bytes while keeping every connection open: the phone must notice
 * on its own (nothing arrives, not even the server's ping), say it is reconnecting, and be
 * current again soon after the network comes back. A card written meanwhile shows it is
 * still on its way and arrives once. The figures are printed for the note.
 */
test('a silently stalled connection: the phone says it is reconnecting, and is current again after the network returns', async ({ browser, server }) => {
  test.setTimeout(180_000);
  const { code, leadKey } = await server.startSession('Weak Wi-Fi Elementary');
  const proxy = new StallingProxy(server.port);
  await proxy.start();
  const { context, page } = await newPhone(browser);
  try {
    await joinOnPhone(page, `${proxy.url}/join/${code}`, 'Rosa', 'Parent or family');
    await server.api('PUT', `/api/sessions/${code}/presentation/slide`, leadKey, { slide: 9 });
    await expect(page.getByText('Slide 9 of 28')).toBeVisible();

    // The access point stops passing bytes; the lead moves on in the meantime.
    proxy.stall();
    const stalledAt = Date.now();
    await server.api('PUT', `/api/sessions/${code}/presentation/slide`, leadKey, { slide: 11 });
    await expect(page.getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeVisible({ timeout: 45_000 });
    const noticedMs = Date.now() - stalledAt;
    // Two ping intervals (30 s) at most after the last byte heard, which came at most one interval (15 s) before.
    expect(noticedMs).toBeLessThan(45_000);

    proxy.resume();
    const resumedAt = Date.now();
    await expect(page.getByRole('textbox', { name: 'Your group agreement' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeHidden();
    const currentMs = Date.now() - resumedAt;
    expect(currentMs).toBeLessThan(15_000);

    // A card written on a stalled connection: no answer comes, the phone says it is still
    // on its way, sends it again with the same key, and it is on the wall once.
    proxy.stall();
    const sentAt = Date.now();
    await page.getByRole('textbox', { name: 'Your group agreement' }).fill('Listen before we answer');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Still on its way').first()).toBeVisible({ timeout: 15_000 });
    const stillOnItsWayMs = Date.now() - sentAt;
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible({ timeout: 15_000 });
    proxy.resume();
    const backAt = Date.now();
    await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible({ timeout: 30_000 });
    const cardMs = Date.now() - backAt;
    const exported = await fetch(`${server.url}/api/sessions/${code}/exports/session.json`, { headers: { authorization: `Bearer ${leadKey}` } });
    const cards = ((await exported.json()) as { cards: { text: string }[] }).cards.filter((c) => c.text === 'Listen before we answer');
    expect(cards).toHaveLength(1);

    console.log(
      `weak Wi-Fi figures: stall shown after ${(noticedMs / 1000).toFixed(1)} s; current ${(currentMs / 1000).toFixed(1)} s after the network returned; ` +
        `a card sent on the stalled link showed "still on its way" after ${(stillOnItsWayMs / 1000).toFixed(1)} s and was on the wall ${(cardMs / 1000).toFixed(1)} s after the network returned`,
    );
  } finally {
    await context.close();
    await proxy.close();
  }
});

/**
 * Without any network, a reload shows the app (from the service worker's cache), its
 * offline state and the card still waiting to be sent, not the browser's error page; the
 * card goes out once the network is back.
 */
test('a reload without Wi-Fi shows the app, its offline state and the unsent card', async ({ browser, server }) => {
  const { code, leadKey } = await server.startSession('Offline Elementary');
  await server.api('PUT', `/api/sessions/${code}/presentation/slide`, leadKey, { slide: 11 });
  const { context, page } = await newPhone(browser);
  try {
    await joinOnPhone(page, `${server.url}/join/${code}`, 'Tomás', 'Parent or family');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(async () => Boolean(await (await caches.open('pd-pages')).match(location.pathname)))).toBe(true);

    await context.setOffline(true);
    await page.getByRole('textbox', { name: 'Your group agreement' }).fill('Share the agenda in advance');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Share the agenda in advance')).toBeVisible();

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    // Said at the top of the phone (and by the waiting card itself).
    await expect(page.getByRole('status').filter({ hasText: 'Offline. We will send what you write when the connection comes back.' }).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('You joined as Tomás')).toBeVisible();

    await context.setOffline(false);
    await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible({ timeout: 20_000 });
    const exported = await fetch(`${server.url}/api/sessions/${code}/exports/session.json`, { headers: { authorization: `Bearer ${leadKey}` } });
    const cards = ((await exported.json()) as { cards: { text: string }[] }).cards.filter((c) => c.text === 'Share the agenda in advance');
    expect(cards).toHaveLength(1);
  } finally {
    await context.close();
  }
});
