import type { Page } from '@playwright/test';
import { expect, joinOnPhone, newPhone, test } from './fixtures.js';

/** A wall on the slide the room is looking at (reveal.js hides the other slides from assistive tech). */
const wall = (deck: Page, title: string) => deck.getByRole('region', { name: `${title} wall` });

const HOSTILE = '<img src=x onerror=alert(1)> Listen first, then speak';

test('a lead, a support view and three phones run the first activities live', async ({ browser, server }) => {
  const session = await server.startSession();
  const dialogs: string[] = [];

  const leadContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const lead = await leadContext.newPage();
  lead.on('dialog', (d) => dialogs.push(d.message()));
  await lead.goto(session.links.present);
  await expect(lead.getByLabel('Session code')).toHaveText(session.code);

  const supportContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const support = await supportContext.newPage();
  await support.goto(session.links.notes);
  await expect(support.getByText('The lead facilitator holds the slides')).toBeVisible();

  const people = [
    { name: 'Ana', group: 'Parent or family' },
    { name: 'Ben', group: 'Teacher' },
    { name: 'Chloe', group: 'Student' },
  ];
  const phones = [];
  for (const person of people) {
    const phone = await newPhone(browser);
    phone.page.on('dialog', (d) => (d.type() === 'confirm' ? d.accept() : dialogs.push(d.message())));
    await joinOnPhone(phone.page, session.links.join, person.name, person.group);
    await expect(phone.page.getByRole('heading', { name: 'Watch the screen' })).toBeVisible();
    phones.push(phone);
  }
  await expect(lead.getByRole('status').filter({ hasText: '3 joined' }).first()).toBeVisible();
  await expect(support.getByRole('heading', { name: '3 joined' })).toBeVisible();

  // The lead moves the deck to slide 11 with the keyboard; every phone follows.
  for (let i = 0; i < 10; i++) await lead.keyboard.press('ArrowRight');
  await expect(lead.getByRole('heading', { name: 'Activity 1: Group Agreements' })).toBeVisible();
  for (const { page } of phones) await expect(page.getByRole('textbox', { name: 'Your group agreement' })).toBeVisible();
  await expect(support.getByRole('heading', { name: 'Activity 1: Group Agreements' })).toBeVisible();

  // A card written on a phone reaches the deck and the notes view within 2 s, as text.
  const [ana, ben, chloe] = phones;
  await ana.page.getByRole('textbox', { name: 'Your group agreement' }).fill(HOSTILE);
  await ana.page.getByRole('button', { name: 'Send' }).click();
  await expect(wall(lead, 'Group Agreements').getByText(HOSTILE)).toBeVisible({ timeout: 2000 });
  await expect(support.getByText(HOSTILE)).toBeVisible({ timeout: 2000 });
  await expect(lead.getByRole('heading', { name: 'Group Agreements · 1 card' })).toBeVisible();
  await expect(ana.page.getByText(HOSTILE)).toBeVisible();

  // The support facilitator hides it: it leaves the projector; showing it puts it back.
  await support.getByRole('button', { name: /^Hide card: <img/ }).click();
  await expect(wall(lead, 'Group Agreements').getByText(HOSTILE)).toBeHidden();
  await expect(lead.getByRole('heading', { name: 'Group Agreements · 0 cards' })).toBeVisible();
  await expect(ana.page.getByText('A facilitator has hidden this card from the wall.')).toBeVisible();
  await support.getByRole('button', { name: /^Show card: <img/ }).click();
  await expect(wall(lead, 'Group Agreements').getByText(HOSTILE)).toBeVisible();

  // Ben edits his card while the activity is open; Chloe withdraws hers.
  await ben.page.getByRole('textbox', { name: 'Your group agreement' }).fill('Start on time');
  await ben.page.getByRole('button', { name: 'Send' }).click();
  await expect(wall(lead, 'Group Agreements').getByText('Start on time')).toBeVisible();
  await ben.page.getByRole('button', { name: 'Edit' }).click();
  await ben.page.getByRole('textbox', { name: 'Your group agreement' }).fill('Start and end on time');
  await ben.page.getByRole('button', { name: 'Save' }).click();
  await expect(wall(lead, 'Group Agreements').getByText('Start and end on time')).toBeVisible();
  await chloe.page.getByRole('textbox', { name: 'Your group agreement' }).fill('Phones away');
  await chloe.page.getByRole('button', { name: 'Send' }).click();
  await expect(wall(lead, 'Group Agreements').getByText('Phones away')).toBeVisible();
  await chloe.page.getByRole('button', { name: 'Withdraw' }).click();
  await expect(wall(lead, 'Group Agreements').getByText('Phones away')).toBeHidden();
  await expect(chloe.page.getByRole('textbox', { name: 'Your group agreement' })).toBeVisible();
  await expect(chloe.page.getByText('Phones away')).toBeHidden();

  // A reload comes back as the same person with the same card.
  await ana.page.reload();
  await expect(ana.page.getByText('You joined as Ana (Parent or family)')).toBeVisible();
  await expect(ana.page.getByText(HOSTILE)).toBeVisible();

  // The server crashes and restarts: every card is still there and the open pages
  // recover by themselves, without a manual reload.
  await server.restart();
  await expect(wall(lead, 'Group Agreements').getByText(HOSTILE)).toBeVisible();
  await expect(wall(lead, 'Group Agreements').getByText('Start and end on time')).toBeVisible();
  await chloe.page.getByRole('textbox', { name: 'Your group agreement' }).fill('Assume good intent');
  await chloe.page.getByRole('button', { name: 'Send' }).click();
  await expect(wall(lead, 'Group Agreements').getByText('Assume good intent')).toBeVisible({ timeout: 10_000 });
  await expect(support.getByText('Assume good intent')).toBeVisible({ timeout: 10_000 });
  await expect(ana.page.getByText(HOSTILE)).toBeVisible();

  // The lead hands the slides to the support facilitator, who moves to slide 12.
  await lead.getByRole('button', { name: 'Hand slides to support' }).click();
  await expect(support.getByText('You hold the slides')).toBeVisible();
  await expect(lead.getByText('Support facilitator holds the slides')).toBeVisible();
  await support.getByRole('button', { name: 'Next slide' }).click();
  await expect(lead.getByRole('heading', { name: /Activity 2/ })).toBeVisible();
  await expect(ana.page.getByLabel('Your definition of partnership for student achievement')).toBeVisible();
  await lead.getByRole('button', { name: 'Take back the slides' }).click();
  await expect(support.getByText('The lead facilitator holds the slides')).toBeVisible();

  // A two-sided card written while offline waits on the phone and arrives on reconnect.
  // Ben has the card's form before his Wi-Fi drops (going offline first could strand his phone on the slide before).
  await expect(ben.page.getByLabel('Your definition of partnership for student achievement')).toBeVisible();
  await ben.context.setOffline(true);
  await ben.page.getByLabel('Your definition of partnership for student achievement').fill('Working together so every student learns');
  await ben.page.getByLabel('An example of how adults can model it').fill('Teachers call home with good news');
  await ben.page.getByRole('button', { name: 'Send' }).click();
  await expect(ben.page.getByText('Offline. We will send what you write when the connection comes back.').first()).toBeVisible();
  await ben.context.setOffline(false);
  await expect(wall(lead, 'Definitions').getByText('Working together so every student learns')).toBeVisible({ timeout: 15_000 });
  await expect(wall(lead, 'Examples').getByText('Teachers call home with good news')).toBeVisible();
  await expect(lead.getByRole('heading', { name: 'Definitions · 1 card' })).toBeVisible();
  await expect(lead.getByRole('heading', { name: 'Examples · 1 card' })).toBeVisible();

  expect(dialogs, 'no script from card text ever ran').toEqual([]);
});

test('a late joiner lands on the current activity, and the word cloud counts the room', async ({ browser, server }) => {
  const session = await server.startSession();
  const lead = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await lead.goto(session.links.present);
  await expect(lead.getByLabel('Session code')).toHaveText(session.code);
  for (let i = 0; i < 3; i++) await lead.keyboard.press('ArrowRight');
  await expect(lead.getByRole('heading', { name: 'Who Might This Be?' })).toBeVisible();

  const late = await newPhone(browser);
  await joinOnPhone(late.page, session.links.join, 'Dora', 'Community partner');
  await expect(late.page.getByRole('heading', { name: 'Who might this be?' })).toBeVisible();
  for (const answer of ['The bus driver', 'a bus driver', 'Grandma']) {
    await late.page.getByLabel('Your answer').fill(answer);
    await late.page.getByRole('button', { name: 'Send' }).click();
    await expect(late.page.getByRole('listitem').filter({ hasText: answer })).toBeVisible();
  }
  const cloud = lead.getByRole('list', { name: 'Word cloud of answers' });
  await expect(cloud.getByRole('listitem')).toHaveCount(2);
  await expect(lead.getByText('3 answers')).toBeVisible();
});

test('a phone that types a code without the QR link joins the same session', async ({ browser, server }) => {
  const session = await server.startSession();
  const phone = await newPhone(browser);
  await phone.page.goto(`${server.url}/join`);
  // A typed code is looked up as soon as it is complete: a wrong one says so, a right one lists its deck's groups.
  await phone.page.getByLabel('Session code').fill('ZZZZZZ');
  await expect(phone.page.getByRole('alert')).toHaveText('No session has that code. Check the screen and try again.');
  await phone.page.getByLabel('Session code').fill(session.code.toLowerCase());
  await phone.page.getByLabel('I am here as').selectOption({ label: 'Teacher' });
  await phone.page.getByRole('button', { name: 'Join' }).click();
  await expect(phone.page.getByText('You joined as Guest (Teacher)')).toBeVisible();
  await phone.page.getByLabel('Language').selectOption('es');
  await expect(phone.page.getByRole('heading', { name: 'Mire la pantalla' })).toBeVisible();
});

test('the operator starts a session from the start page, sees every session on the server, and deletes one', async ({ browser, server }) => {
  // Without the operator link the page only says where to find it, in the reader's language.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(server.url);
  await expect(stranger.getByRole('heading', { name: 'Open this page with the operator link' })).toBeVisible();
  await expect(stranger.getByText(/the link that the terminal printed when the server started/)).toBeVisible();
  await expect(stranger.getByLabel('Workshop deck')).toHaveCount(0);
  await expect(stranger.getByRole('region', { name: /^Session / })).toHaveCount(0);
  const spanish = await (await browser.newContext({ locale: 'es-ES' })).newPage();
  await spanish.goto(server.url);
  await expect(spanish.getByRole('heading', { name: 'Abra esta página con el enlace del operador' })).toBeVisible();
  // A made-up operator key is turned away the same way.
  await stranger.goto(`${server.url}/#operator=operator.${'A'.repeat(43)}`);
  await expect(stranger.getByText('This operator link is not (or no longer) valid for this server.', { exact: false })).toBeVisible();

  // A session started elsewhere (another browser, the API) is listed too.
  const other = await server.startSession('Other Browser School');
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(server.operatorLink);
  // The operator key left the address bar at once.
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(page.getByRole('region', { name: `Session ${other.code}` })).toContainText('Other Browser School');

  await expect(page.getByLabel('Workshop deck')).toContainText('Building Partnerships for Student Achievement');
  await page.getByLabel('School name').fill('Roosevelt Middle School');
  await page.getByRole('button', { name: 'Start a session' }).click();
  const started = page.getByRole('region', { name: /^Session [A-Z0-9]{6}$/ }).filter({ hasText: 'Roosevelt Middle School' });
  await expect(started).toBeVisible();
  // A reload keeps the key for this tab, and the list.
  await page.reload();
  await expect(started).toBeVisible();
  await expect(page).toHaveURL(`${server.url}/`);

  const [presenter] = await Promise.all([page.waitForEvent('popup'), started.getByRole('link', { name: 'Open the presenter' }).click()]);
  await expect(presenter.getByLabel('Session code')).toHaveText(/^[A-Z0-9]{6}$/);
  await expect(presenter.getByRole('heading', { name: 'Building Partnerships for Student Achievement' })).toBeVisible();
  // The key left the address bar, so the room cannot read it off the projector.
  expect(presenter.url()).not.toContain('key=');

  // For the school's retention rules, the operator deletes the session and its data:
  // the open presenter is turned away and the code no longer exists.
  const code = (await started.getAttribute('aria-label'))!.replace('Session ', '');
  page.on('dialog', (dialog) => dialog.accept());
  await started.getByRole('button', { name: 'Delete this session and all its data' }).click();
  await expect(started).toBeHidden();
  await expect(presenter.getByRole('alert')).toContainText('The server refused this screen');
  expect((await fetch(`${server.url}/api/sessions/${code}`)).status).toBe(404);
  await expect(page.getByRole('region', { name: `Session ${other.code}` })).toBeVisible();
});
