import { TINY_PNG } from '../../server/features/preparation/test-images.js';
import { expect, joinOnPhone, newPhone, test } from './fixtures.js';

/**
 * Before the workshop the lead prepares it in the app: the school, the dates, a quote with
 * its source, an image uploaded to the server; the preview and the projector show them, a
 * slide left unfilled is projected cleanly, and the notes view says what is still unfilled.
 */
test('the lead prepares the workshop: school, dates, a quote, an image; the projector, the notes and the phones show them', async ({ browser, server }) => {
  const session = await server.startSession('');

  // The start page links to the preparation page.
  const start = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await start.goto(server.operatorLink);
  await expect(start.getByRole('link', { name: 'Prepare the workshop' }).first()).toHaveAttribute('href', /\/prepare\/[A-Z0-9]{6}#key=lead\./);
  expect(server.output).toMatch(/Prepare \(before the workshop\):\s+http:\/\/\S+\/prepare\/[A-Z0-9]{6}#key=/);

  const prep = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await prep.goto(session.links.prepare);
  await expect(prep.getByRole('heading', { name: 'Prepare the workshop' })).toBeVisible();
  await expect(prep.getByText(/^9 of 9 still to fill in\.$/)).toBeVisible();

  // The school and the dates.
  await prep.getByLabel('School name').fill('Roosevelt Middle School');
  await prep.getByLabel('Next meeting (date and time)').fill('2026-04-02T18:30');
  await prep.getByRole('button', { name: 'Add a date' }).click();
  await prep.getByLabel('Future date 1').fill('2026-05-07');
  await prep.getByRole('button', { name: 'Save the school and dates' }).click();
  await expect(prep.getByRole('region', { name: 'The school and the dates' }).getByRole('status')).toHaveText('Saved.');

  // A quote with its source, in English.
  const quote = prep.getByRole('region', { name: 'Boundary Dynamics: key passage' });
  await quote.getByLabel('Quotation (English)').fill('Partnership lives at the boundary between home and school.');
  await quote.getByLabel('Source: author, title, year, page (English)').fill('Author, Boundary Dynamics, 2001, p. 12');
  await quote.getByRole('button', { name: 'Save' }).click();
  await expect(quote.getByRole('status')).toHaveText('Saved.');
  await expect(quote.getByText('Filled in.')).toBeVisible();

  // An image: something that is not one is refused, a PNG is stored and shown.
  const image = prep.getByRole('region', { name: 'Image: who might this be?' });
  await image.getByLabel(/^Image file/).setInputFiles({ name: 'people.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await image.getByLabel('What the image shows, for anyone who cannot see it (English)').fill('Families and staff at the school fair');
  await image.getByRole('button', { name: 'Save' }).click();
  await expect(image.getByRole('alert')).toContainText('only PNG and JPEG images');
  await image.getByLabel(/^Image file/).setInputFiles({ name: 'people.png', mimeType: 'image/png', buffer: TINY_PNG });
  await image.getByRole('button', { name: 'Save' }).click();
  await expect(image.getByRole('status')).toHaveText('Saved.');
  await expect(image.getByRole('img', { name: 'Families and staff at the school fair' })).toBeVisible();
  await expect(prep.getByText(/^7 of 9 still to fill in\.$/)).toBeVisible();

  // The preview shows a slide as projected.
  await prep.getByLabel('Slide to preview').selectOption('16');
  const frame = prep.frameLocator('iframe[title="Slide 16, as projected"]');
  await expect(frame.locator('section.present').getByText('Partnership lives at the boundary between home and school.')).toBeVisible();
  await prep.screenshot({ path: '/tmp/shots-i11/preparation-1280.png', fullPage: false });

  // The projector: the prepared slides, and a slide nobody filled projected cleanly.
  const deck = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await deck.goto(session.links.present);
  const show = async (slide: number) => {
    await server.api('PUT', `/api/sessions/${session.code}/presentation/slide`, session.leadKey, { slide });
    const section = deck.locator(`section.present[data-slide="${slide}"]`);
    await expect(section).toBeVisible();
    return section;
  };
  const slide4 = await show(4);
  const img = slide4.getByRole('img', { name: 'Families and staff at the school fair' });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(4);
  expect(await img.getAttribute('src')).toMatch(/^\/images\/[0-9a-f]{64}\.png$/);
  const slide15 = await show(15);
  await expect(slide15.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(slide15).not.toContainText(/Placeholder|\{\{/);
  const slide27 = await show(27);
  await expect(slide27).toContainText('Thursday, April 2, 2026');
  const slide28 = await show(28);
  await expect(slide28).toContainText('Thursday, May 7, 2026');

  // The notes view tells the support facilitator what is unfilled.
  const notes = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await notes.goto(session.links.notes);
  await show(15);
  await expect(notes.getByRole('note', { name: 'Still to prepare' })).toContainText('This slide has no Introducing the author of Boundary Dynamics yet');
  await notes.screenshot({ path: '/tmp/shots-i11/notes-unfilled-1280x800.png' });

  // A phone in Spanish on slide 27 writes the next meeting in Spanish.
  const phone = await newPhone(browser);
  await joinOnPhone(phone.page, session.links.join, 'Ana', 'Parent or family');
  await phone.page.getByLabel('Language').selectOption('es');
  await show(27);
  await expect(phone.page.getByText(/jueves, 2 de abril de 2026/)).toBeVisible();
  await phone.page.screenshot({ path: '/tmp/shots-i11/phone-es-27.png' });

  // The agreement carries the school's name, never "Our school".
  await show(24);
  await expect(deck.locator('section.present[data-slide="24"]')).toContainText('Roosevelt Middle School');
});
