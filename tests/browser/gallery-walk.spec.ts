import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, joinOnPhone, newPhone, test, phoneApi } from './fixtures.js';

/**
 * Slides 22–27 with six phones and a lead: revise and write examples, place all 18
 * stickers (one phone tries a 7th on a wall and is refused), reveal, the top six per wall,
 * a tie at the cut chosen by the facilitator, the agreement assembled, and its PDF.
 */
const SHOTS = resolve(import.meta.dirname, 'screenshots');
const GROUPS = ['Parent or family', 'Teacher', 'Classified staff', 'Administrator', 'Community partner', 'Student'];
const NAMES = ['Ana', 'Ben', 'Cruz', 'Dee', 'Eli', 'Fay'];


test('gallery walk: six phones vote, the lead reveals, the agreement is assembled and printed on one page', async ({ browser, server }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const { code, leadKey, supportKey, links } = await server.startSession('Lincoln Elementary');
  const staff = (method: string, path: string, body?: unknown, key = leadKey) => server.api(method, `/api/sessions/${code}${path}`, key, body);
  // The lead moves the deck with the keyboard, as on the projector; every phone follows.
  let current = 1;
  const show = async (slide: number) => {
    while (current < slide) {
      await deck.keyboard.press('ArrowRight');
      current++;
      await expect(phones[0].getByText(`Slide ${current} of 28`)).toBeVisible();
    }
  };

  const deckContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const deck = await deckContext.newPage();
  await deck.goto(links.present);

  const phones: Page[] = [];
  for (let i = 0; i < 6; i++) {
    const { page } = await newPhone(browser);
    await joinOnPhone(page, links.join, NAMES[i], GROUPS[i]);
    phones.push(page);
  }
  await expect(deck.getByText('6 joined').first()).toBeVisible();

  // Earlier activities, seeded through the API from each phone: slide 11 and slide 12.
  await show(11);
  for (const [i, page] of phones.entries()) expect((await phoneApi(page, code, 'POST', '/cards', { slide: 11, text: `Agreement ${i}` })).status).toBe(201);
  await show(12);
  for (const [i, page] of phones.entries()) {
    expect((await phoneApi(page, code, 'POST', '/cards', { slide: 12, front: `Definition ${i}`, back: `First example ${i}` })).status).toBe(201);
  }
  // Paper cards from people without a phone, typed in by the support facilitator.
  for (let i = 0; i < 4; i++) {
    expect((await staff('POST', '/gallery/paper-cards', { wall: 'agreements', text: `Paper agreement ${i}`, group: 'community' }, supportKey)).status).toBe(201);
    expect((await staff('POST', '/gallery/paper-cards', { wall: 'definitions', text: `Paper definition ${i}` }, supportKey)).status).toBe(201);
  }

  // Slide 22 on the phone: the definition from slide 12 is there to edit; an example card is added.
  await show(22);
  const first = phones[0];
  await expect(first.getByLabel('Your definition', { exact: true })).toHaveValue('Definition 0');
  await first.getByLabel('Your definition', { exact: true }).fill('Definition 0, revised together');
  await first.getByLabel('Your example of how we can all model partnership').fill('Second example 0');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByText('Saved.')).toBeVisible();
  await first.screenshot({ path: join(SHOTS, 'gallery-phone-revise.png') });
  for (const [i, page] of phones.entries()) {
    if (i > 0) expect((await phoneApi(page, code, 'PUT', '/revise/22/example', { text: `Second example ${i}` })).status).toBe(200);
  }
  await expect(deck.getByText('Definition 0, revised together').filter({ visible: true })).toBeVisible();

  // Slide 23: the gallery walk.
  await show(23);
  await expect(first.getByRole('heading', { name: 'Gallery walk' })).toBeVisible();
  // A wall's button is named by what it shows (WCAG 2.5.3), and described by the whole count.
  await expect(first.getByRole('button', { name: 'Group Agreements Blue · 6 left' })).toHaveAccessibleDescription('Blue stickers for Group Agreements: 6 of 6 left');

  // The vote plan. Group Agreements (10 cards): everyone stickers Agreement 0–4, four people
  // Paper agreement 0 and two Paper agreement 1 → top six: Agreement 0–4 and Paper agreement 0.
  // Definitions (10): everyone on Definition 1–5, and Definition 0 (revised) for four, Paper
  // definition 2 for two. Examples (12): everyone on First example 0–4, then each person one
  // different Second example → five clear, and a six-way tie for the last place.
  const plan = (p: number) => ({
    agreements: ['Agreement 0', 'Agreement 1', 'Agreement 2', 'Agreement 3', 'Agreement 4', p < 4 ? 'Paper agreement 0' : 'Paper agreement 1'],
    definitions: ['Definition 1', 'Definition 2', 'Definition 3', 'Definition 4', 'Definition 5', p < 4 ? 'Definition 0, revised together' : 'Paper definition 2'],
    examples: ['First example 0', 'First example 1', 'First example 2', 'First example 3', 'First example 4', `Second example ${p}`],
  });
  const wallButton = { agreements: /^Group Agreements Blue/, definitions: /^Definitions Orange/, examples: /^Examples Green/ } as const;
  const stickerName = { agreements: 'Blue', definitions: 'Orange', examples: 'Green' } as const;

  // Phones 0 and 1 place every sticker through the screen. Each tap shows at once (the phone
  // applies the server's answer; the stream's echo of one's own taps comes less often).
  const promptly = { timeout: 700 };
  for (const p of [0, 1]) {
    const page = phones[p];
    for (const wall of ['agreements', 'definitions', 'examples'] as const) {
      await page.getByRole('button', { name: wallButton[wall] }).click();
      for (const [n, text] of plan(p)[wall].entries()) {
        await page.getByRole('button', { name: `Add a ${stickerName[wall]} sticker: ${text}`, exact: true }).click();
        await expect(page.getByRole('button', { name: `Remove my ${stickerName[wall]} sticker: ${text}`, exact: true })).toBeVisible(promptly);
        await expect(page.getByRole('button', { name: wallButton[wall] })).toHaveAccessibleDescription(new RegExp(`${5 - n} of 6 left`), promptly);
      }
    }
  }
  // Phone 0 tries a 7th Blue sticker and is refused, clearly; nothing is stored for it.
  await first.getByRole('button', { name: wallButton.agreements }).click();
  await first.getByRole('button', { name: 'Add a Blue sticker: Agreement 5', exact: true }).click();
  await expect(first.getByRole('alert')).toHaveText('You have used all 6 Blue stickers for Group Agreements. Remove one to put it on another card.');
  await expect(first.getByText('All your stickers are placed. Thank you!')).toBeVisible();
  await first.screenshot({ path: join(SHOTS, 'gallery-phone-stickers.png'), fullPage: false });

  // The other four phones vote through the API (same route the screen uses).
  const cards = (await staff('GET', '/exports/session.json')).json.cards as { id: string; text: string }[];
  const idOf = (text: string) => cards.find((c) => c.text === text)!.id;
  for (const p of [2, 3, 4, 5]) {
    for (const wall of ['agreements', 'definitions', 'examples'] as const) {
      for (const text of plan(p)[wall]) expect((await phoneApi(phones[p], code, 'POST', '/stickers', { cardId: idOf(text) })).status).toBe(201);
    }
  }
  const seventh = await phoneApi(phones[3], code, 'POST', '/stickers', { cardId: idOf('Agreement 5') });
  expect(seventh.status).toBe(409);
  expect(seventh.json.error.code).toBe('budget_spent');

  // While voting, the deck shows progress but no tallies.
  const progress = deck.getByRole('list', { name: 'Voting progress' });
  for (const wall of ['Group Agreements', 'Definitions', 'Examples']) {
    await expect(progress.getByRole('listitem', { name: `${wall}: 6 of 6 people placed all 6 stickers` })).toBeVisible();
  }
  await expect(deck.getByText('108 stickers placed')).toBeVisible();
  await expect(deck.getByText('Top 6')).toHaveCount(0);
  await deck.screenshot({ path: join(SHOTS, 'gallery-deck-progress.png') });

  // The lead reveals.
  await deck.getByRole('button', { name: 'Reveal tallies' }).click();
  // The deck shows the walls' tallies in turn; the lead can bring one up by its tab.
  const tally = (wall: string) => deck.getByRole('region', { name: `${wall} tally` });
  const showWall = (wall: string) => deck.getByRole('list', { name: 'The walls, shown in turn' }).getByRole('button', { name: wall }).click();
  // Revealed, the room first reads the first wall's top statements, whatever the clock says.
  const tabs = deck.getByRole('list', { name: 'The walls, shown in turn' });
  await expect(tabs.getByRole('button', { name: 'Group Agreements' })).toHaveAttribute('aria-pressed', 'true');
  await expect(tally('Group Agreements').getByRole('listitem').first()).toContainText('Top 6');
  const expectTop = async (wall: string, texts: string[]) => {
    await showWall(wall);
    for (const text of texts) await expect(tally(wall).getByRole('listitem').filter({ hasText: text }).first()).toContainText('Top 6');
  };
  await expectTop('Group Agreements', ['Agreement 0', 'Agreement 1', 'Agreement 2', 'Agreement 3', 'Agreement 4', 'Paper agreement 0']);
  await showWall('Group Agreements');
  await expect(tally('Group Agreements').getByRole('listitem').filter({ hasText: 'Paper agreement 1' })).not.toContainText('Top 6');
  await expectTop('Definitions', ['Definition 1', 'Definition 2', 'Definition 3', 'Definition 4', 'Definition 5', 'Definition 0, revised together']);
  await expectTop('Examples', ['First example 0', 'First example 1', 'First example 2', 'First example 3', 'First example 4']);
  await expect(tally('Group Agreements')).toBeHidden();
  await expect(tally('Examples').getByText('Tie at the cut: 6 cards for 1 place — the facilitator chooses.')).toBeVisible();
  await expect(tally('Examples').getByText('Tie', { exact: true })).toHaveCount(6);
  await expect(first.getByText('Voting has ended. Look at the screen for the results.')).toBeVisible();
  await deck.screenshot({ path: join(SHOTS, 'gallery-deck-revealed.png') });

  // The support facilitator sees the equity of voice and takes "Second example 3" at the tied cut.
  const notesContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const notes = await notesContext.newPage();
  await notes.goto(links.notes);
  const equity = notes.getByRole('table', { name: 'Equity of voice by stakeholder group' });
  await expect(equity.getByRole('row', { name: /^Parent or family 1 4 18 3$/ })).toBeVisible();
  await expect(equity.getByRole('row', { name: /^Community partner 1 8 18 4$/ })).toBeVisible();
  await notes.getByRole('checkbox', { name: /Second example 3/ }).check();
  await notes.screenshot({ path: join(SHOTS, 'gallery-notes.png'), fullPage: true });
  await showWall('Examples');
  await expect(tally('Examples').getByRole('listitem').filter({ hasText: 'Second example 3' })).toContainText('Top 6');

  // Slide 24: the agreement is assembled from the top statements; the deck shows the draft.
  await show(24);
  const assembled = await staff('POST', '/agreement/assemble', undefined, supportKey);
  expect(assembled.status).toBe(200);
  expect(assembled.json.agreement.examples).toEqual(['First example 0', 'First example 1', 'First example 2', 'First example 3', 'First example 4', 'Second example 3']);
  await staff('PUT', '/agreement', { definition: 'Partnership for student achievement means families and staff share the work, every day.', date: '2026-11-22' });
  const draft = deck.getByLabel('Partnership Agreement draft');
  // The draft is paged; the slide opens on its first page, whatever the clock says.
  await expect(draft).toContainText('page 1 of 2');
  await expect(draft).toContainText('families and staff share the work');
  await expect(draft).toContainText('Paper agreement 0');
  await deck.screenshot({ path: join(SHOTS, 'gallery-deck-draft.png') });
  await expect(phones[2].getByText('Please take a short break.')).toBeVisible();

  // Slide 27: the next meeting is entered on the notes view (no longer a form on the
  // projected slide), in its one field: the preparation page's, which the agreement prints;
  // phones write it out and open the agreement.
  await show(27);
  await expect(notes.getByLabel(/Next meeting/)).toHaveCount(1);
  await notes.getByLabel('Next meeting (date and time)').fill('2027-01-12T18:00');
  await notes.getByRole('button', { name: 'Save the next meeting' }).click();
  await expect(notes.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible();
  const nextMeeting = 'Tuesday, January 12, 2027 at 6:00 PM';
  await expect(phones[4].getByText(`Copies at our next meeting: ${nextMeeting}`)).toBeVisible();
  await expect(deck.getByText(`next meeting on ${nextMeeting}`)).toBeVisible();
  const [agreementPage] = await Promise.all([phones[4].waitForEvent('popup'), phones[4].getByRole('link', { name: 'Open the Partnership Agreement' }).click()]);
  await expect(agreementPage.getByRole('heading', { name: 'Lincoln Elementary' })).toBeVisible();
  await expect(agreementPage.getByText('Second example 3')).toBeVisible();
  await expect(agreementPage.getByText(`Copies at our next meeting: ${nextMeeting}`)).toBeVisible();
  await expect(agreementPage.getByText('by parents and families, teachers, classified staff, administrators, community partners, and students.')).toBeVisible();

  // The PDF: exactly one page, with the top statements.
  const pdfRes = await fetch(`${server.url}/api/sessions/${code}/agreement/pdf`);
  expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await pdfRes.arrayBuffer());
  const pdfPath = join(SHOTS, 'gallery-agreement.pdf');
  writeFileSync(pdfPath, pdf);
  expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  if (hasPoppler()) {
    expect(execFileSync('pdfinfo', [pdfPath]).toString()).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    for (const statement of ['Agreement 0', 'Paper agreement 0', 'Second example 3', nextMeeting, 'share the work']) expect(text).toContain(statement);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, join(SHOTS, 'gallery-agreement.pdf')]);

    // The same agreement in Spanish: the deck's Spanish wording, the groups and the date in Spanish, the statements as written.
    const spanishPdf = Buffer.from(await (await fetch(`${server.url}/api/sessions/${code}/agreement/pdf?lang=es`)).arrayBuffer());
    const spanishPath = join(SHOTS, 'gallery-agreement-es.pdf');
    writeFileSync(spanishPath, spanishPdf);
    expect(execFileSync('pdfinfo', [spanishPath]).toString()).toMatch(/Pages:\s+1\n/);
    const spanishText = execFileSync('pdftotext', ['-layout', spanishPath, '-']).toString();
    for (const words of ['Acuerdo de Colaboración', 'Nuestros acuerdos del grupo', 'Cómo todos los adultos la pondrán en práctica', '22 de noviembre de 2026', 'martes, 12 de enero de 2027', 'Agreement 0', 'Second example 3']) {
      expect(spanishText).toContain(words);
    }
    for (const english of ['Partnership Agreement', 'Our group agreements', 'Built together']) expect(spanishText).not.toContain(english);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', spanishPath, join(SHOTS, 'gallery-agreement-es.pdf')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', spanishPath, '/tmp/shots-i12/agreement-es.pdf']);
  }
  await deckContext.close();
  await notesContext.close();
});

function hasPoppler(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
