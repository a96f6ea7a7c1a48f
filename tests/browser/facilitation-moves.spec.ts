import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, joinOnPhone, newPhone, test, phoneApi } from './fixtures.js';
import type { StaffParts } from '../../server/contract/parts.js';
import type { StreamMessage } from '../../server/contract/wire.js';
import { decodeMessage, readEventStream, type SseEvent } from '../../web/shared/live/stream-reader.js';

/**
 * The facilitation moves with a lead and seven phones (and an eighth person who joined
 * on a phone we do not drive): a Block Party round with its timer, the birthday line-up
 * (eight people make groups of 4 and 4), one group's round robin, the slide-18 poll, a
 * shared reflection and the closing feedback form. Screenshots of every phone screen and
 * the deck for each move go to tests/browser/screenshots/moves-*.png.
 */
const SHOTS = resolve(import.meta.dirname, 'screenshots');
const GROUPS = ['Parent or family', 'Teacher', 'Classified staff', 'Administrator', 'Community partner', 'Student', 'Parent or family'];
const NAMES = ['Ana', 'Ben', 'Cruz', 'Dee', 'Eli', 'Fay', 'Gus'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];


/** Seconds shown by a countdown such as "1:58". */
async function secondsOn(timer: Locator): Promise<number> {
  const [m, s] = (await timer.innerText()).trim().split(':').map(Number);
  return m * 60 + s;
}

/** Phones are shot whole (the full scroll height), the deck and notes view as the screen shows them. */
const shot = (page: Page, name: string) => page.screenshot({ path: resolve(SHOTS, `moves-${name}.png`), fullPage: (page.viewportSize()?.width ?? 0) < 500 });

test('facilitation moves: Block Party, birthday groups, round robin, poll, reflection and feedback', async ({ browser, server }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const { code, leadKey, links } = await server.startSession('Lincoln Elementary');
  // The lead moves the deck with the keyboard, as in the room; every phone follows.
  const show = async (slide: number) => {
    for (;;) {
      const current = Number(await deck.locator('.reveal .slides section.present').getAttribute('data-slide'));
      if (current === slide) break;
      await deck.keyboard.press(current < slide ? 'ArrowRight' : 'ArrowLeft');
    }
    for (const page of phones) await expect(page.getByText(`Slide ${slide} of 28`)).toBeVisible();
  };

  const phones: Page[] = [];
  const deck = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await deck.goto(links.present);
  await expect(deck.getByRole('toolbar', { name: 'Presenter controls' }).getByText('You hold the slides')).toBeVisible();
  const notes = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await notes.goto(links.notes);

  for (let i = 0; i < 7; i++) {
    const { page } = await newPhone(browser);
    await joinOnPhone(page, links.join, NAMES[i], GROUPS[i]);
    phones.push(page);
  }
  // The eighth person, on a phone this test does not drive.
  const eighth = await fetch(`${server.url}/api/sessions/${code}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'join-eighth-person' },
    body: JSON.stringify({ name: 'Hal', group: 'teacher' }),
  }).then((r) => r.json() as Promise<{ token: string }>);
  const asEighth = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${code}${path}`, eighth.token, body);

  // Slide 12's cards, seeded from each phone, so the Block Party has something to read.
  await show(12);
  for (const [i, page] of phones.entries()) {
    expect((await phoneApi(page, code, 'POST', '/cards', { slide: 12, front: `Partnership means ${NAMES[i]} is heard`, back: `${NAMES[i]} returns every call` })).status).toBe(201);
  }

  // ── Block Party: round 1 with its timer, the same time left on the deck and the phones.
  await show(13);
  await deck.getByRole('button', { name: 'Start round 1' }).click();
  const ana = phones[0];
  await expect(ana.getByRole('heading', { name: 'Round 1: Find the person closest to you' })).toBeVisible();
  await expect(ana.getByText('Partnership means Ana is heard')).toBeVisible();
  await expect(ana.getByText('Ana returns every call')).toBeVisible();
  const deckTimer = deck.getByRole('timer', { name: 'Round 1: time left' });
  const phoneTimer = ana.getByRole('timer', { name: 'Time left' });
  await expect(deckTimer).toBeVisible();
  await expect(phoneTimer).toBeVisible();
  expect(Math.abs((await secondsOn(deckTimer)) - (await secondsOn(phoneTimer)))).toBeLessThanOrEqual(1);
  expect(await secondsOn(phoneTimer)).toBeGreaterThan(100);
  await shot(ana, 'block-party-phone');
  await shot(deck, 'block-party-deck');
  // The lead pauses and adds a minute: every screen shows the same frozen time.
  await deck.getByRole('button', { name: 'Pause' }).click();
  await deck.getByRole('button', { name: '+1 min' }).click();
  await expect(deck.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect.poll(async () => secondsOn(phoneTimer)).toBeGreaterThan(160);
  const frozen = await secondsOn(phoneTimer);
  await ana.waitForTimeout(1200);
  expect(await secondsOn(phoneTimer)).toBe(frozen);
  expect(Math.abs((await secondsOn(deckTimer)) - frozen)).toBeLessThanOrEqual(1);
  // A reload comes back to the same time left.
  await ana.reload();
  await expect(phoneTimer).toBeVisible();
  expect(Math.abs((await secondsOn(phoneTimer)) - frozen)).toBeLessThanOrEqual(1);
  await deck.getByRole('button', { name: 'End timer' }).click();

  // ── Birthday line-up: seven phones and Hal; Gus skips the question.
  await deck.getByRole('button', { name: 'Start birthday line-up' }).click();
  const birthdays = [
    { month: 1, day: 5 }, // Ana
    { month: 3, day: 9 }, // Ben
    { month: 12, day: 24 }, // Cruz
    { month: 2, day: 14 }, // Dee
    { month: 7, day: 4 }, // Eli
    { month: 10, day: 31 }, // Fay
  ];
  for (const [i, b] of birthdays.entries()) {
    const page = phones[i];
    await expect(page.getByRole('heading', { name: 'Birthday line-up' })).toBeVisible();
    if (i === 0) await shot(page, 'lineup-form-phone');
    await page.getByLabel('Month').selectOption({ label: MONTHS[b.month - 1] });
    await page.getByLabel('Day').selectOption(String(b.day));
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Thank you. Find your place in the line')).toBeVisible();
  }
  await phones[6].getByRole('button', { name: 'Skip this question' }).click();
  await expect(phones[6].getByText('Thank you. Find your place in the line')).toBeVisible();
  expect((await asEighth('POST', '/lineup/answers', { month: 1, day: 2 })).status).toBe(200);
  await expect(deck.getByText('Birthday line-up: 8 of 8 answered')).toBeVisible();
  await shot(deck, 'lineup-deck');
  await deck.getByRole('button', { name: 'Make groups' }).click();

  // Eight people make two groups of four (never 5 and 3).
  const group1 = deck.getByRole('region', { name: 'Group 1' });
  const group2 = deck.getByRole('region', { name: 'Group 2' });
  await expect(group1.getByRole('listitem')).toHaveCount(4);
  await expect(group2.getByRole('listitem')).toHaveCount(4);
  await expect(deck.getByRole('region', { name: 'Group 3' })).toHaveCount(0);
  // Hal (2 Jan) and Ana (5 Jan) are at the front of the line; Cruz (24 Dec) at the end.
  await expect(group1.getByText('Hal')).toBeVisible();
  await expect(group1.getByText('Ana')).toBeVisible();
  await expect(group2.getByText('Cruz')).toBeVisible();
  await expect(ana.getByLabel('Group 1')).toHaveText('1');
  await expect(phones[2].getByLabel('Group 2')).toHaveText('2');
  await shot(ana, 'group-phone');
  await shot(deck, 'groups-deck');
  // The notes view lists the groups too, with a control to move each person.
  await expect(notes.getByRole('combobox', { name: 'Move Gus to group' })).toBeVisible();
  await shot(notes, 'groups-notes');

  // ── Round robin, slide 14: group 1's turns and its recorder.
  await show(14);
  await deck.getByRole('button', { name: 'Start the round robin' }).click();
  const group1Names = await groupMembers(server.url, code, leadKey, 1);
  const pageOf = (name: string) => phones[NAMES.indexOf(name)];
  const g1Phones = group1Names.filter((n) => NAMES.includes(n)).map(pageOf);
  const firstSpeaker = group1Names[0];
  const secondSpeaker = group1Names[1];
  const viewer = g1Phones[g1Phones.length - 1];
  await expect(viewer.getByRole('list', { name: 'Order of turns' }).getByRole('listitem')).toHaveCount(4);
  // Hal has the earliest birthday; only Gus, who skipped and so was placed at random, can stand before him.
  expect(group1Names.filter((n) => n !== 'Gus')[0]).toBe('Hal');
  await expect(viewer.getByRole('status').filter({ hasText: pageOf(firstSpeaker) === viewer ? 'Your turn' : `${firstSpeaker}'s turn` })).toBeVisible();
  await shot(viewer, 'round-robin-phone');
  // Only the speaker ends their own turn: the others in the group have no button for it.
  for (const phone of g1Phones.filter((p) => p !== pageOf(firstSpeaker))) await expect(phone.getByRole('button', { name: 'Next turn' })).toHaveCount(0);
  if (NAMES.includes(firstSpeaker)) {
    await pageOf(firstSpeaker).getByRole('button', { name: 'Next turn' }).click();
  } else {
    // The speaker is not on a driven phone: the support facilitator ends the turn.
    await notes.getByRole('button', { name: 'End the turn in group 1' }).click();
  }
  await expect(viewer.getByRole('status').filter({ hasText: pageOf(secondSpeaker) === viewer ? 'Your turn' : `${secondSpeaker}'s turn` })).toBeVisible();
  // The support facilitator can end a turn too (the speaker stepped out).
  await notes.getByRole('button', { name: 'End the turn in group 1' }).click();
  await expect(viewer.getByRole('status').filter({ hasText: pageOf(group1Names[2]) === viewer ? 'Your turn' : `${group1Names[2]}'s turn` })).toBeVisible();
  // Ana takes the recorder's role from whoever was first in line: her phone asks first,
  // and the previous recorder's phone is told.
  await ana.getByRole('button', { name: "I'll record" }).click();
  await expect(ana.getByText(`${firstSpeaker} records for your group now. Take over as recorder?`, { exact: false })).toBeVisible();
  await ana.getByRole('button', { name: 'Yes, I take over' }).click();
  if (NAMES.includes(firstSpeaker)) await expect(pageOf(firstSpeaker).getByText(/took over as your group's recorder/)).toBeVisible();
  await ana.getByLabel("Our group's shared ideas").fill('We listen first and follow up within a day.');
  await ana.getByRole('button', { name: 'Save' }).click();
  await expect(ana.getByText('Sent.')).toBeVisible();
  const otherInGroup = g1Phones.find((p) => p !== ana)!;
  await expect(otherInGroup.getByText('We listen first and follow up within a day.')).toBeVisible();
  await expect(phones[2].getByText('We listen first and follow up within a day.')).toHaveCount(0);
  await expect(deck.getByRole('region', { name: 'Group 1' }).getByText('We listen first and follow up within a day.')).toBeVisible();
  await shot(ana, 'round-robin-recorder-phone');
  await shot(deck, 'round-robin-deck');

  // ── Poll on slide 18 (where the guide introduces the four components).
  await show(18);
  // The deck opens this poll by hand: it waits, closed, until the facilitator opens it.
  await expect(notes.getByText('The poll opens when you open it.')).toBeVisible();
  await expect(ana.getByRole('group', { name: /component of relational trust/ })).toHaveCount(0);
  await notes.getByRole('button', { name: 'Open the poll' }).click();
  await expect(ana.getByRole('group', { name: /component of relational trust/ })).toBeVisible();
  await ana.getByLabel('Respect').check();
  await ana.getByLabel('Personal integrity').check();
  await shot(ana, 'poll-phone');
  await ana.getByRole('button', { name: 'Vote' }).click();
  await expect(ana.getByText('Your vote is in.')).toBeVisible();
  for (let i = 1; i < 7; i++) {
    const choices = i % 3 === 0 ? ['authority'] : ['respect', 'competence'];
    expect((await phoneApi(phones[i], code, 'PUT', '/polls/18/vote', { choices })).status).toBe(200);
  }
  await expect(deck.getByText('7 people have voted')).toBeVisible();
  await expect(deck.getByRole('list', { name: 'Poll results' })).toHaveCount(0);
  await deck.getByRole('button', { name: 'Reveal results' }).click();
  await expect(deck.getByLabel('Respect: 5 votes')).toBeVisible();
  await expect(deck.getByLabel('Formal authority: 2 votes')).toBeVisible();
  await expect(deck.getByLabel('Personal integrity: 1 vote')).toBeVisible();
  await expect(ana.getByText('Respect (you): 5 votes')).toBeVisible();
  await shot(ana, 'poll-results-phone');
  await shot(deck, 'poll-deck');

  // ── Reflection, slide 26: one shared (anonymous), one private.
  await show(26);
  await ana.getByLabel('Your reflection').fill('We wrote a definition we all believe in.');
  await ana.getByLabel('Share it with the room, without my name').check();
  await ana.getByRole('button', { name: 'Save' }).click();
  await expect(ana.getByText('Saved and shared with the room')).toBeVisible();
  await phones[1].getByLabel('Your reflection').fill('A private note for Ben only.');
  await phones[1].getByRole('button', { name: 'Save' }).click();
  await expect(phones[1].getByText('Saved. Only you can see it.')).toBeVisible();
  // A shared reflection waits for a facilitator before the room sees it.
  await expect(deck.getByText('2 reflections written, 0 shared with the room')).toBeVisible();
  await expect(deck.getByText('We wrote a definition we all believe in.')).toHaveCount(0);
  await expect(notes.getByText('2 reflections written, 1 shared: 0 on the screen, 1 waiting for you')).toBeVisible();
  await notes.getByRole('listitem').filter({ hasText: 'We wrote a definition we all believe in.' }).getByRole('button', { name: 'Show on screen' }).click();
  await expect(deck.getByText('We wrote a definition we all believe in.')).toBeVisible();
  await expect(deck.getByText('2 reflections written, 1 shared with the room')).toBeVisible();
  await expect(deck.getByText('A private note for Ben only.')).toHaveCount(0);
  await expect(notes.getByText('A private note for Ben only.')).toHaveCount(0);
  // Hidden again: off the screen, and the count says so at once.
  await notes.getByRole('listitem').filter({ hasText: 'We wrote a definition we all believe in.' }).getByRole('button', { name: 'Hide' }).click();
  await expect(deck.getByText('2 reflections written, 0 shared with the room')).toBeVisible();
  await expect(deck.getByText('We wrote a definition we all believe in.')).toHaveCount(0);
  await notes.getByRole('listitem').filter({ hasText: 'We wrote a definition we all believe in.' }).getByRole('button', { name: 'Show' }).click();
  await expect(deck.getByText('We wrote a definition we all believe in.')).toBeVisible();
  await shot(ana, 'reflection-phone');
  await shot(deck, 'reflection-deck');

  // ── Feedback form, slide 28, and the facilitator's summary in the notes view.
  await show(28);
  const voice = ana.getByRole('group', { name: 'I had a chance to share my voice' });
  await voice.getByLabel('Strongly agree').check();
  await ana.getByRole('group', { name: "The session's objectives were clear" }).getByLabel('Agree', { exact: true }).check();
  await ana.getByLabel('What worked well today?').fill('The gallery walk');
  await shot(ana, 'feedback-phone');
  await ana.getByRole('button', { name: 'Send feedback' }).click();
  // The page thanks once where the eye looks; its live region says it once to a screen reader.
  await expect(ana.getByRole('main').getByText('Thank you for your feedback!')).toBeVisible();
  await expect(ana.getByRole('status').filter({ hasText: 'Thank you for your feedback!' })).toHaveCount(1);
  expect((await phoneApi(phones[1], code, 'PUT', '/feedback/28/mine', { ratings: { voice: 4 }, comments: { improve: 'More time for groups' } })).status).toBe(200);
  await expect(deck.getByText('2 people have given feedback')).toBeVisible();
  await shot(deck, 'feedback-deck');
  const table = notes.getByRole('table', { name: 'Feedback ratings' });
  await expect(table.getByRole('row', { name: /I had a chance to share my voice 2 4\.5/ })).toBeVisible();
  await expect(notes.getByText('More time for groups')).toBeVisible();
  await expect(notes.getByRole('table', { name: 'Pacing by section' })).toBeVisible();
  await expect(notes.getByRole('status').filter({ hasText: /On time|minutes? (behind|ahead)/ })).toBeVisible();
  await shot(notes, 'feedback-notes');
  const summary = await server.api('GET', `/api/sessions/${code}/exports/session.json`, leadKey);
  expect(summary.json.feedback.summary[0].responses).toBe(2);
});

/** Group 1's members in turn order, read from the staff stream's first full view (with the pages' own stream reader). */
async function groupMembers(serverUrl: string, code: string, leadKey: string, group: number): Promise<string[]> {
  const res = await fetch(`${serverUrl}/api/sessions/${code}/stream`, { headers: { authorization: `Bearer ${leadKey}` } });
  const stop = new AbortController();
  let view: StreamMessage<StaffParts> | null = null;
  const onEvent = (event: SseEvent) => {
    view ??= decodeMessage<StaffParts>(event);
    if (view) stop.abort();
  };
  await readEventStream(res.body!, { onEvent }, stop.signal);
  const lineup = (view as StreamMessage<StaffParts> | null)?.data.parts.lineup;
  return lineup!.groups![group - 1].members.map((m) => m.name);
}
