import { expect, joinOnPhone, newPhone, test } from './fixtures.js';

/**
 * A wall longer than a page: the phone shows the first page of cards at once, says how
 * many it shows of how many, and "Show more cards" brings the next page. A card the
 * facilitator hides leaves the phone's pages without a reload, and a sticker goes on a
 * card of the second page as on the first. A wall with few cards says how many stickers
 * it takes; a wall with none says only that it has no cards.
 */
test('a long wall on a phone: the first page at once, the next on request', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const { code, leadKey, supportKey, links } = await server.startSession('Lincoln Elementary');
  const staff = (method: string, path: string, body?: unknown, key = leadKey) => server.api(method, `/api/sessions/${code}${path}`, key, body);
  const { page } = await newPhone(browser);
  await joinOnPhone(page, links.join, 'Ana', 'Parent or family');
  // 90 paper cards on the first wall: more than two pages of 40.
  const ids: string[] = [];
  for (let i = 0; i < 90; i++) {
    const written = await staff('POST', '/gallery/paper-cards', { wall: 'agreements', text: `Paper card ${i}` }, supportKey);
    expect(written.status).toBe(201);
    ids.push(written.json.cardId);
  }
  // Two on the Examples wall, fewer than the six stickers a wall takes; none on Definitions.
  for (let i = 0; i < 2; i++) {
    expect((await staff('POST', '/gallery/paper-cards', { wall: 'examples', text: `Paper example ${i}` }, supportKey)).status).toBe(201);
  }
  expect((await staff('PUT', '/presentation/slide', { slide: 23 })).status).toBe(200);

  const wall = page.getByRole('list', { name: 'Group Agreements' });
  await expect(wall.getByRole('button', { name: 'Add a Blue sticker: Paper card 0', exact: true })).toBeVisible();
  await expect(wall.getByRole('button', { name: 'Add a Blue sticker: Paper card 39', exact: true })).toBeVisible();
  await expect(wall.getByRole('button', { name: /Paper card 40$/ })).toHaveCount(0);
  await expect(page.getByText('Showing 40 of 90 cards.')).toBeVisible();

  await page.getByRole('button', { name: 'Show more cards' }).click();
  await expect(wall.getByRole('button', { name: 'Add a Blue sticker: Paper card 79', exact: true })).toBeVisible();
  await expect(page.getByText('Showing 80 of 90 cards.')).toBeVisible();
  await page.getByRole('button', { name: 'Show more cards' }).click();
  await expect(page.getByText('Showing 90 of 90 cards.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show more cards' })).toHaveCount(0);

  // A sticker on a card of the second page.
  await wall.getByRole('button', { name: 'Add a Blue sticker: Paper card 55', exact: true }).click();
  await expect(wall.getByRole('button', { name: 'Remove my Blue sticker: Paper card 55', exact: true })).toBeVisible();

  // The support facilitator hides a card of the first page: it leaves the phone's list.
  expect((await staff('PUT', `/cards/${ids[3]}/visibility`, { hidden: true }, supportKey)).status).toBe(200);
  await expect(wall.getByRole('button', { name: 'Add a Blue sticker: Paper card 3', exact: true })).toHaveCount(0);
  await expect(page.getByText('Showing 89 of 89 cards.')).toBeVisible();

  // A short wall: the phone says why it takes fewer stickers.
  await page.getByRole('button', { name: /^Examples Green/ }).click();
  await expect(page.getByText('This wall has only 2 cards on show, so you can place 2 of your 6 stickers here.', { exact: false })).toBeVisible();
  // An empty wall: it has no cards, and no sentence about placing 0 of one's stickers on it.
  await page.getByRole('button', { name: /^Definitions Orange/ }).click();
  await expect(page.getByText('No cards on this wall yet.')).toBeVisible();
  await expect(page.getByText(/This wall has only/)).toHaveCount(0);
});
