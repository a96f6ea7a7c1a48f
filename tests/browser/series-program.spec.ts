import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, joinOnPhone, newPhone, phoneApi, test, type TestServer } from './fixtures.js';
import { layoutProblems, restTheMouse, slideLayout } from './room-layout.js';
import { expectRoomReads, inLanguages } from './room-reads.js';

/**
 * Issue 15 as people meet it: a school runs two sessions of the Parent-Teacher
 * Partnerships series with a parent and a teacher co-facilitating and a coach following;
 * the second session opens with what the first produced and leadership's answer, people
 * come back with their returning codes; and the district coordinator sees two schools
 * side by side. Screenshots go to /tmp/shots-i15/.
 */
const SHOTS = '/tmp/shots-i15';

async function startProgram(server: TestServer, schoolName: string) {
  const res = await fetch(`${server.url}/api/programs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.operatorKey}` },
    body: JSON.stringify({
      seriesId: 'parent-teacher-partnerships',
      schoolName,
      district: 'Riverside Unified',
      model: 'district-wide',
      dates: { '1': '2026-09-14', '2': '2026-10-12' },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function openSession(server: TestServer, programId: string, number: number) {
  const res = await fetch(`${server.url}/api/programs/${programId}/sessions/${number}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.operatorKey}` },
    body: JSON.stringify({ facilitators: { lead: { name: 'Rosa Díaz', role: 'parent' }, support: { name: 'Mr. Okafor', role: 'teacher' } } }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as {
    code: string;
    leadKey: string;
    supportKey: string;
    coachKey: string;
    links: { present: string; notes: string; join: string; coach: string };
  };
}

/** The slide numbers of a session's deck that run `kind`. */
async function slidesOf(server: TestServer, code: string, key: string, kind: string): Promise<number[]> {
  const deck = (await (await fetch(`${server.url}/api/sessions/${code}/deck`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
    slides: { number: number; activity: { kind: string } | null }[];
  };
  return deck.slides.filter((s) => s.activity?.kind === kind).map((s) => s.number);
}

async function goToSlide(server: TestServer, code: string, leadKey: string, slide: number) {
  expect((await server.api('PUT', `/api/sessions/${code}/presentation/slide`, leadKey, { slide })).status).toBe(200);
}

test('two sessions of a series: co-facilitators, a coach, carry-over, returning codes, the report and leadership’s answer', async ({ browser, server }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const programId = await startProgram(server, 'Lincoln Elementary');
  const one = await openSession(server, programId, 1);

  // Two people join on their phones; the attendance slide gives each a returning code.
  const ana = await newPhone(browser);
  const ben = await newPhone(browser);
  await joinOnPhone(ana.page, one.links.join, 'Ana', 'Parent or family');
  await joinOnPhone(ben.page, one.links.join, 'Ben', 'Teacher');
  const [attendanceSlide] = await slidesOf(server, one.code, one.leadKey, 'attendance');
  await goToSlide(server, one.code, one.leadKey, attendanceSlide);
  await ana.page.getByRole('button', { name: 'This is my first time: give me a code' }).click();
  const codeLine = ana.page.getByRole('status').filter({ hasText: 'Your returning code:' });
  await expect(codeLine).toBeVisible();
  const anaCode = /([2-9A-Z]{6})/.exec(await codeLine.innerText())![1];
  await ben.page.getByRole('button', { name: 'This is my first time: give me a code' }).click();

  // A group agreement, a question for leadership, a shared reflection.
  const cards = await slidesOf(server, one.code, one.leadKey, 'card');
  await goToSlide(server, one.code, one.leadKey, cards[0]);
  expect((await phoneApi(ana.page, one.code, 'POST', '/cards', { slide: cards[0], text: 'We listen without judging' })).status).toBe(201);
  await goToSlide(server, one.code, one.leadKey, cards[1]);
  const question = await phoneApi(ben.page, one.code, 'POST', '/cards', { slide: cards[1], text: 'Can conferences be held in the evening?' });
  expect(question.status).toBe(201);
  const [reflectionSlide] = await slidesOf(server, one.code, one.leadKey, 'reflection');
  await goToSlide(server, one.code, one.leadKey, reflectionSlide);
  await phoneApi(ana.page, one.code, 'PUT', `/reflections/${reflectionSlide}/mine`, { text: 'I will call one family this week', shared: true });
  // Ana's closing feedback: the next session shows its means.
  const [feedbackSlide] = await slidesOf(server, one.code, one.leadKey, 'feedback');
  await goToSlide(server, one.code, one.leadKey, feedbackSlide);
  expect((await phoneApi(ana.page, one.code, 'PUT', `/feedback/${feedbackSlide}/mine`, { ratings: { useful: 4 }, comments: {} })).status).toBe(200);

  // The coach follows on the notes view, read-only, and marks the checklist.
  const coach = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await coach.goto(one.links.coach);
  await expect(coach.getByText('You follow this session as its coach')).toBeVisible();
  await expect(coach.getByRole('button', { name: 'Take the slides' })).toHaveCount(0);
  const coLed = coach.getByRole('listitem', { name: /From the deck: The parent and the teacher co-facilitator each led part/ });
  await coLed.getByRole('radio', { name: 'Observed', exact: true }).check();
  await coLed.getByLabel('Comment').fill('Both led, turn by turn');
  await coLed.getByRole('button', { name: 'Save' }).click();
  const slideOne = coach.getByRole('listitem', { name: /^Slide 1: facilitator steps/ });
  await slideOne.getByRole('radio', { name: 'Partly', exact: true }).check();
  await slideOne.getByRole('button', { name: 'Save' }).click();
  await expect(coach.getByRole('status', { name: 'Fidelity' })).toContainText('Fidelity score: 75%');
  await coach.getByLabel('New coaching note').fill('Hand out the returning codes at the door.');
  await coach.getByRole('button', { name: 'Add note' }).click();
  await expect(coach.getByText('Hand out the returning codes at the door.')).toBeVisible();
  await coach.screenshot({ path: resolve(SHOTS, 'coach-checklist.png'), fullPage: true });

  // The support co-facilitator sees the marks read-only and records leadership's answer.
  const notes = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await notes.goto(one.links.notes);
  await expect(notes.getByText('Co-facilitators: Rosa Díaz (parent), Mr. Okafor (teacher)')).toBeVisible();
  await expect(notes.getByText('Both led, turn by turn')).toBeVisible();
  await expect(notes.getByRole('radio')).toHaveCount(0);
  await notes.getByRole('button', { name: 'Questions for leadership' }).click();
  await notes.getByLabel('Leadership’s answer').fill('Yes: two evenings in November.');
  await notes.getByLabel('Answered by').fill('Building Leadership Team');
  await notes.getByRole('button', { name: 'Save answer' }).click();
  await expect(notes.getByText('Answered by Building Leadership Team: Yes: two evenings in November.')).toBeVisible();

  // The report, as the PDF the leadership team receives (read back with pdftotext).
  const pdf = await fetch(`${server.url}/api/sessions/${one.code}/report/pdf?lang=en`, { headers: { authorization: `Bearer ${one.supportKey}` } });
  expect(pdf.status).toBe(200);
  const pdfFile = resolve(SHOTS, 'report.pdf');
  writeFileSync(pdfFile, new Uint8Array(await pdf.arrayBuffer()));
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdfFile, '-']).toString();
  expect(text).toContain('Rosa Díaz (parent), Mr. Okafor (teacher)');
  expect(text).toContain('2 people');
  expect(text).toContain('We listen without judging');
  expect(text).toContain('Can conferences be held in the evening?');
  expect(text).toContain('Yes: two evenings in November.');
  expect(text).toContain('75% (2 of');
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '70', '-singlefile', pdfFile, resolve(SHOTS, 'report')]);

  // Session two: the deck opens with what session one produced and leadership's answer.
  const two = await openSession(server, programId, 2);
  const deck = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await deck.goto(two.links.present);
  const [carrySlide] = await slidesOf(server, two.code, two.leadKey, 'carry-over');
  await goToSlide(server, two.code, two.leadKey, carrySlide);
  await expect(deck.getByText('We listen without judging').first()).toBeVisible();
  // The carry-over pages what does not fit (12 s a page, three pages here): leadership's
  // answer and the shared reflection are read when their pages come round.
  const youAsked = deck.getByRole('region', { name: 'You asked, leadership answered' });
  await expect(youAsked).toContainText('Can conferences be held in the evening?', { timeout: 40_000 });
  await expect(youAsked).toContainText('Yes: two evenings in November.');
  await expect(deck.getByText('I will call one family this week').first()).toBeVisible({ timeout: 40_000 });
  await deck.screenshot({ path: resolve(SHOTS, 'carry-over.png') });
  // A projector for a mixed room: the carry-over's words in English and Spanish, each marked with its language.
  const mixed = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await mixed.goto(inLanguages(two.links.present, 'en,es'));
  // In two languages the parts take more than one page, turning every 12 s: each is read when its page comes round.
  const turning = { timeout: 40_000 };
  await expectRoomReads(mixed, 'Since last time: session 1', 'en', turning);
  await expectRoomReads(mixed, 'Desde la última vez: sesión 1', 'es', turning);
  await expectRoomReads(mixed, /· 2 people came; \d of them came back$/, 'en', turning);
  await expectRoomReads(mixed, /· Vinieron 2 personas; \d de ellas regresaron$/, 'es', turning);
  await expectRoomReads(mixed, 'Our group agreements', 'en', turning);
  await expectRoomReads(mixed, 'Nuestros acuerdos de grupo', 'es', turning);
  // Session one's feedback: the rating as its deck words it in each language.
  await expectRoomReads(mixed, "Today's session was useful to me: 4", 'en', turning);
  await expectRoomReads(mixed, 'La sesión de hoy me fue útil: 4', 'es', turning);
  await expectRoomReads(mixed, 'You asked, leadership answered', 'en', turning);
  await expectRoomReads(mixed, 'Ustedes preguntaron, el equipo de liderazgo respondió', 'es', turning);
  await expectRoomReads(mixed, 'Answered by Building Leadership Team', 'en', turning);
  await expectRoomReads(mixed, 'Respondió Building Leadership Team', 'es', turning);
  // The room's own words are shown once, as written.
  for (const own of ['We listen without judging', /Yes: two evenings in November\./]) {
    const shown = mixed.locator('.reveal .slides > section.present').getByText(own, { exact: true });
    await expect(shown).toHaveCount(1, turning);
  }
  await restTheMouse(mixed);
  expect(layoutProblems(await slideLayout(mixed)), 'the carry-over in two languages').toEqual([]);
  mkdirSync('/tmp/shots-i12-more', { recursive: true });
  await mixed.screenshot({ path: '/tmp/shots-i12-more/carry-over-en+es-1280x720.png' });
  await mixed.close();

  // Ana comes back with her code; Cara is new.
  await joinOnPhone(ana.page, two.links.join, 'Ana', 'Parent or family');
  const [attendanceTwo] = await slidesOf(server, two.code, two.leadKey, 'attendance');
  await goToSlide(server, two.code, two.leadKey, attendanceTwo);
  await ana.page.getByLabel('Your returning code').fill(anaCode.toLowerCase());
  await ana.page.getByRole('button', { name: 'I was here before' }).click();
  await expect(ana.page.getByText('Welcome back! You are counted as returning.')).toBeVisible();
  const cara = await newPhone(browser);
  await joinOnPhone(cara.page, two.links.join, 'Cara', 'Teacher');
  await cara.page.getByLabel('Your returning code').fill('ZZZZZZ');
  await cara.page.getByRole('button', { name: 'I was here before' }).click();
  await expect(cara.page.getByRole('alert')).toContainText('not known in this series');
  await cara.page.getByRole('button', { name: 'This is my first time: give me a code' }).click();
  await ana.page.screenshot({ path: resolve(SHOTS, 'phone-returning.png'), fullPage: true });

  const notesTwo = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await notesTwo.goto(two.links.notes);
  await expect(notesTwo.getByText('2 with a returning code · 1 returning')).toBeVisible();
  for (const context of [ana.context, ben.context, cara.context]) await context.close();
});

// Its own server: on the worker's shared one the first test's "Lincoln Elementary" program
// is listed too, as a second table of that name (18 rows where this program has 9), and
// its sessions' records are in the archive.
test('the district view: two schools side by side for the coordinator, and one archive of every record', async ({ browser, ownServer: server }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const lincoln = await startProgram(server, 'Lincoln Elementary');
  const garfield = await startProgram(server, 'Garfield Middle');
  const one = await openSession(server, lincoln, 1);
  const other = await openSession(server, garfield, 1);
  const phone = await newPhone(browser);
  await joinOnPhone(phone.page, other.links.join, 'Dee', 'Parent or family');
  await joinOnPhone(phone.page, one.links.join, 'Eli', 'Teacher');

  const link = (
    (await (await fetch(`${server.url}/api/district/link`, { headers: { authorization: `Bearer ${server.operatorKey}` } })).json()) as { link: string }
  ).link;
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'District view' })).toBeVisible();
  // The key left the address bar.
  expect(page.url()).not.toContain('#key=');
  for (const school of ['Lincoln Elementary', 'Garfield Middle']) {
    const table = page.getByRole('table', { name: school });
    await expect(table).toHaveCount(1);
    await expect(table.getByRole('row')).toHaveCount(9);
    await expect(table.getByRole('row').nth(1)).toContainText('Done');
    await expect(table.getByRole('row').nth(2)).toContainText('planned 2026-10-12');
  }
  await expect(page.getByRole('table', { name: 'Garfield Middle' }).getByRole('row').nth(1)).toContainText('Parents and families: 100% of people');
  await page.screenshot({ path: resolve(SHOTS, 'district-view.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download every record (zip of JSON and CSV)' }).click();
  const file = resolve(SHOTS, 'district.zip');
  await (await download).saveAs(file);
  const listing = execFileSync('python3', ['-c', 'import zipfile,sys; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file]).toString();
  expect(listing).toContain('sessions.csv');
  expect(listing.split('\n').filter((n) => n.endsWith('/session.json'))).toHaveLength(2);

  // Without the coordinator's key the page says so and shows nothing.
  const stranger = await browser.newPage();
  await stranger.goto(`${server.url}/district`);
  await expect(stranger.getByRole('alert')).toContainText('no key');
  await phone.context.close();
});

export type { Page };
