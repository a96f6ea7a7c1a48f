import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, joinOnPhone, newPhone, test } from './fixtures.js';
import { layoutProblems, restTheMouse, slideLayout } from './room-layout.js';
import { expectRoomReads, inLanguages } from './room-reads.js';

/**
 * The process protocol with two groups of mixed staff and partners: the school's vision
 * prepared on the notes view and its learning standards on the preparation page, partners introduce themselves on their phones, the notes view
 * proposes mixed groups, each group picks standards, brainstorms notes tagged with who could
 * help, clusters them and agrees on an activity; the share-out steps through the groups on
 * the projector, phones place dots, and the plan page places the winners on the continuum
 * and fills in the plan, whose PDF holds every planned strategy.
 */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-i14';
const STANDARDS = [
  {
    id: 'ela-1',
    code: 'RL.4.1',
    text: { en: 'Refer to details in a text', es: 'Referirse a detalles de un texto' },
    subject: { en: 'English language arts', es: 'Lengua y literatura' },
    grades: '3–5',
  },
  {
    id: 'math-1',
    code: 'MP.4',
    text: { en: 'Model with mathematics', es: 'Modelar con matemáticas' },
    subject: { en: 'Mathematics', es: 'Matemáticas' },
    grades: '6–8',
  },
];
const ACTIVITIES = ['Engineers read with grade 4 every Friday', 'A credit union runs a budgeting project with grade 7'];

test('two mixed groups brainstorm, cluster, share, vote and produce a Partnership Plan whose PDF holds every planned strategy', async ({ browser, server }) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const { code, leadKey, links } = await server.startSession('Roosevelt High', 'partnership-protocol');
  const api = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${code}${path}`, leadKey, body);
  const show = async (slide: number) => {
    expect((await api('PUT', '/presentation/slide', { slide })).status).toBe(200);
    for (const phone of phones) await expect(phone.getByText(`Slide ${slide} of 27`)).toBeVisible();
  };

  // Before the meeting: the vision typed on the notes view (slide 13), the standards through the API.
  const notesContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const notes = await notesContext.newPage();
  // A step that cannot be done fails in seconds, not at the test's end.
  notesContext.setDefaultTimeout(15_000);
  // The pages the notes view opens (the plan page) report their errors and failed requests: a failure says why,
  // and an uncaught error fails the test even where the page happens to look right.
  const pageErrors: string[] = [];
  notesContext.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        console.log(`[${new URL(page.url()).pathname}] console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      pageErrors.push(error.message);
      console.log(`[${new URL(page.url()).pathname}] page error: ${error.stack ?? error.message}`);
    });
    page.on('requestfailed', (request) =>
      console.log(`[${new URL(page.url()).pathname}] request failed: ${request.method()} ${new URL(request.url()).pathname} ${request.failure()?.errorText}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400)
        console.log(`[${new URL(page.url()).pathname}] ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
  });
  await notes.goto(links.notes);
  expect((await api('PUT', '/presentation/slide', { slide: 13 })).status).toBe(200);
  await notes.getByLabel("Our school's vision (English)").fill('Every graduate ready for college, career and community');
  await notes.getByLabel("Our school's vision (Spanish)").fill('Cada graduado preparado para la universidad, el trabajo y la comunidad');
  await notes.getByLabel("Our school's vision (Spanish)").locator('xpath=ancestor::fieldset').getByRole('button', { name: 'Save' }).click();
  await expect(notes.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  // The learning standards on the preparation page, in both of the deck's languages.
  const prep = await notesContext.newPage();
  await prep.goto(links.prepare);
  const standards = prep.getByRole('region', { name: 'Student learning standards' });
  for (const [i, s] of STANDARDS.entries()) {
    await standards.getByRole('button', { name: 'Add a standard' }).click();
    const row = standards.getByRole('group', { name: `Student learning standards ${i + 1}` });
    await row.getByLabel('Id', { exact: true }).fill(s.id);
    await row.getByLabel('Code', { exact: true }).fill(s.code);
    await row.getByLabel('Standard (English)').fill(s.text.en);
    await row.getByLabel('Standard (Spanish)').fill(s.text.es);
    await row.getByLabel('Subject area (English)').fill(s.subject.en);
    await row.getByLabel('Subject area (Spanish)').fill(s.subject.es);
    await row.getByLabel('Grades').fill(s.grades);
  }
  await standards.getByRole('button', { name: 'Save the standards' }).click();
  await expect(standards.getByRole('status')).toHaveText('Saved.');
  await expect(standards.getByText('Filled in.')).toBeVisible();
  // As stored: what the groups will pick from.
  expect((await api('GET', '/preparation')).json.filled['learning-standards']).toEqual({ kind: 'standards', items: STANDARDS });
  await prep.close();

  const deckContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  deckContext.setDefaultTimeout(15_000);
  const deck = await deckContext.newPage();
  await deck.goto(links.present);
  /** The projector as the room sees it: the slide faded in, the presenter's controls faded out. */
  const settled = async (slide: number) => {
    await expect(deck.locator(`section.present[data-slide="${slide}"]`)).toHaveCSS('opacity', '1');
    await restTheMouse(deck);
  };
  /**
   * A second projector for a mixed room (`?lang=en,es`) on `slide`: `check` reads it as the
   * room does; then its layout (nothing under room size, nothing off the slide) and a screenshot.
   */
  const mixedRoom = async (slide: number, shot: string, check: (page: Page) => Promise<void>, { layout = true } = {}) => {
    const mixed = await deckContext.newPage();
    await mixed.goto(inLanguages(links.present, 'en,es'));
    await expect(mixed.locator(`section.present[data-slide="${slide}"]`)).toHaveCSS('opacity', '1');
    await check(mixed);
    await restTheMouse(mixed);
    if (layout) expect(layoutProblems(await slideLayout(mixed)), `slide ${slide} in two languages`).toEqual([]);
    mkdirSync('/tmp/shots-i12-more', { recursive: true });
    await mixed.screenshot({ path: `/tmp/shots-i12-more/${shot}-en+es-1280x720.png` });
    await mixed.close();
  };

  // Four phones (a staff member and a partner for each group), four more people joined without one.
  const phones: Page[] = [];
  const people = [
    { name: 'Tess', group: 'Teacher' },
    { name: 'Pablo', group: 'Business partner' },
    { name: 'Tom', group: 'Teacher' },
    { name: 'Paula', group: 'Community partner' },
  ];
  for (const person of people) {
    const { page, context } = await newPhone(browser);
    context.setDefaultTimeout(15_000);
    await joinOnPhone(page, links.join, person.name, person.group);
    phones.push(page);
  }
  for (const [name, group] of [
    ['Sam', 'teacher'],
    ['Cleo', 'classified'],
    ['Pat', 'community'],
    ['Rosa', 'parent'],
  ]) {
    const res = await fetch(`${server.url}/api/sessions/${code}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `join-${name}-x1` },
      body: JSON.stringify({ name, group }),
    });
    expect(res.status).toBe(201);
  }

  // Slide 13: the phone shows the school's vision in the reader's language.
  await expect(phones[1].getByText('Every graduate ready for college, career and community')).toBeVisible();
  await phones[1].getByLabel('Language').selectOption('es');
  await expect(phones[1].getByText('Cada graduado preparado para la universidad, el trabajo y la comunidad')).toBeVisible();
  await phones[1].getByLabel('Idioma').selectOption('en');

  // Slide 15: partners introduce themselves; staff phones watch; the room sees the answers.
  await show(15);
  await expect(phones[0].getByText('Partners are introducing themselves. Watch the screen.')).toBeVisible();
  for (const [i, phone] of [phones[1], phones[3]].entries()) {
    await phone.getByLabel('Your organisation (or: parent, neighbour, …)').fill(i === 0 ? 'Acme Engineering' : 'Valley Credit Union');
    await phone.getByLabel('What graduates need').fill(i === 0 ? 'Problem solvers who can read a technical manual' : 'Young people who can manage money');
    await phone.getByLabel('Why a partnership').fill('We hire from this town');
    await phone.getByLabel('How you would like to partner').fill(i === 0 ? 'Mentors once a week' : 'A classroom project');
    await phone.getByRole('button', { name: 'Send' }).click();
    await expect(phone.getByText('Your introduction is on the screen.')).toBeVisible();
  }
  await expect(deck.getByText('Problem solvers who can read a technical manual')).toBeVisible();
  await expect(deck.getByText('Valley Credit Union')).toBeVisible();

  // Slide 16: the notes view proposes mixed groups; every group has staff and partners.
  await show(16);
  await notes.getByRole('button', { name: 'Propose mixed groups' }).click();
  await expect(deck.getByRole('article', { name: 'Group 2' })).toBeVisible();
  for (const article of await deck.getByRole('article').all()) {
    await expect(article.locator('li.staff').first()).toBeVisible();
    await expect(article.locator('li.partner').first()).toBeVisible();
  }
  // Put one phone of each side in each group, as the facilitator would move people.
  const groupIds = (await api('GET', '/groups/board')).json; // refused: no board key (checked below)
  expect(groupIds.error.code).toBe('bad_key');
  const groupOf = [1, 1, 2, 2];
  for (const [i, { name }] of people.entries()) {
    await notes.getByLabel(`Move ${name} to`).selectOption({ label: `Group ${groupOf[i]}` });
    // As a facilitator would: see the move land before making the next one.
    await expect(
      notes
        .getByRole('article', { name: `Group ${groupOf[i]}` })
        .getByRole('listitem')
        .filter({ hasText: name }),
    ).toBeVisible();
  }
  for (const [i, phone] of phones.entries()) await expect(phone.getByRole('heading', { name: `Your group: ${groupOf[i]}` })).toBeVisible();
  await expect(phones[0].getByText('Pablo (partner)')).toBeVisible();

  // Each group picks its standards on one phone; the other member sees the choice.
  await phones[0].getByLabel('RL.4.1 Refer to details in a text').check();
  await phones[0].getByRole('button', { name: 'Save our standards' }).click();
  await phones[2].getByLabel('MP.4 Model with mathematics').check();
  await phones[2].getByRole('button', { name: 'Save our standards' }).click();
  await expect(phones[1].getByLabel('RL.4.1 Refer to details in a text')).toBeChecked();
  await expect(deck.getByRole('article', { name: 'Group 1' }).getByText('Standards: RL.4.1')).toBeVisible();
  // The mixed room reads each group, who is staff and who a partner, and its standards, in both languages.
  await mixedRoom(16, 'groups', async (mixed) => {
    await expectRoomReads(mixed, 'Group 1', 'en');
    await expectRoomReads(mixed, 'Grupo 1', 'es');
    await expectRoomReads(mixed, '(partner)', 'en');
    await expectRoomReads(mixed, '(colaborador)', 'es');
    await expectRoomReads(mixed, 'Standards: RL.4.1', 'en');
    await expectRoomReads(mixed, 'Estándares: RL.4.1', 'es');
  });

  // Slide 17: brainstorm on notes, each tagged with who could help; the group's board shows them all.
  await show(17);
  const note = async (phone: Page, text: string, helpers: string[]) => {
    await phone.getByLabel('Your idea').fill(text);
    for (const h of helpers) await phone.getByLabel(h, { exact: true }).check();
    await phone.getByRole('button', { name: 'Post the note' }).click();
    await expect(phone.getByRole('group', { name: 'Your note' }).filter({ hasText: text })).toBeVisible();
  };
  await note(phones[0], 'Reading buddies from local businesses', ['Businesses', 'Teachers']);
  await note(phones[1], 'Engineers explain their manuals', ['Businesses']);
  await note(phones[2], 'Budget a school event', ['Parents', 'Teachers']);
  await note(phones[3], 'Visit the credit union', ['Businesses']);
  // A note written on paper at group 1's table, typed in by the facilitator on the notes view: the group's phones show it, marked as paper.
  await notes.getByLabel('Group to work on').selectOption({ label: 'Group 1' });
  const paper = notes.getByRole('form', { name: 'A paper note for group 1' });
  await paper.getByLabel('The note, as written').fill('Parents share their jobs at a career morning');
  await paper.getByLabel('Parents', { exact: true }).check();
  await paper.getByRole('button', { name: 'Add the paper note' }).click();
  await expect(phones[1].getByRole('group', { name: 'Parents share their jobs at a career morning' }).getByText('Paper note')).toBeVisible();
  await expect(notes.getByRole('list', { name: 'Group 1’s notes' }).getByRole('listitem')).toHaveCount(3);
  // The other member of group 1 sees both notes; group 2's notes are not on group 1's board.
  await expect(phones[1].getByText('Reading buddies from local businesses')).toBeVisible();
  await expect(phones[1].getByText('Budget a school event')).toHaveCount(0);

  // Slide 18: each group clusters its notes and agrees on an activity.
  await show(18);
  for (const [g, [a, b]] of [
    [phones[0], phones[1]],
    [phones[2], phones[3]],
  ].entries()) {
    await a.getByLabel('Cluster name').fill(g === 0 ? 'Reading with mentors' : 'Money skills');
    await a.getByRole('button', { name: 'Add the cluster' }).click();
    const cluster = a.getByRole('form', { name: `Cluster: ${g === 0 ? 'Reading with mentors' : 'Money skills'}` });
    await expect(cluster).toBeVisible();
    for (const select of await a
      .getByLabel(/^Cluster: /)
      .and(a.locator('select'))
      .all())
      await select.selectOption({ label: g === 0 ? 'Reading with mentors' : 'Money skills' });
    // Group 1's board also holds the facilitator's paper note.
    await expect(cluster.getByText(g === 0 ? '3 notes' : '2 notes')).toBeVisible();
    // The partner writes the activity on their own phone.
    const theirs = b.getByRole('form', { name: `Cluster: ${g === 0 ? 'Reading with mentors' : 'Money skills'}` });
    await theirs.getByLabel('The activity: what would we like each partner to do?').fill(ACTIVITIES[g]);
    await theirs
      .getByLabel('Each partner’s part')
      .fill(g === 0 ? 'Acme sends two engineers; teachers pick the texts' : 'The credit union brings the materials');
    await theirs.getByLabel('Useful: it helps students reach the standard').check();
    await theirs.getByLabel('Realistic: we can do it with the time and people we have').check();
    await theirs.getByRole('button', { name: 'Save' }).click();
    await expect(a.getByRole('form', { name: /^Cluster: / }).getByText('Agreed: it goes to the share-out and the vote.')).toBeVisible();
  }
  await phones[0].getByRole('button', { name: 'Show the board link' }).click();
  await expect(phones[0].getByText(/and type the code [A-Z0-9]{6}/)).toBeVisible();
  await phones[0].screenshot({ path: join(SHOTS, 'phone-group-board.png'), fullPage: true });
  // The same board in Spanish: the phone's words and the prepared standards switch; what the group wrote stays as written.
  await phones[0].getByLabel('Language').selectOption('es');
  await expect(phones[0].getByRole('heading', { name: 'Su grupo: 1' })).toBeVisible();
  await expect(phones[0].getByText('Referirse a detalles de un texto').first()).toBeVisible();
  await expect(phones[0].getByText('Reading buddies from local businesses')).toBeVisible();
  // The phone reopens its stream in the new language: the picture is taken once it is back.
  await expect(phones[0].getByText('Reconectando…')).toHaveCount(0);
  await phones[0].screenshot({ path: join(SHOTS, 'phone-group-board-es.png'), fullPage: true });
  await phones[0].getByLabel('Idioma').selectOption('en');
  await expect(phones[0].getByRole('heading', { name: 'Your group: 1' })).toBeVisible();

  // The table's laptop opens the group's board with the code from a member's phone.
  const boardCode = (await phones[0].getByText(/and type the code [A-Z0-9]{6}/).textContent())!.match(/code ([A-Z0-9]{6})/)![1];
  const laptop = await deckContext.newPage();
  await laptop.goto(`${server.url}/board/${code}`);
  await laptop.getByLabel('Board code (on a group member’s phone)').fill(boardCode);
  await laptop.getByRole('button', { name: 'Open the board' }).click();
  await expect(laptop.getByRole('heading', { name: /Group 1/ })).toBeVisible();
  await expect(laptop.getByText(ACTIVITIES[0])).toBeVisible();
  await expect(laptop.getByText('Budget a school event')).toHaveCount(0);
  await laptop.screenshot({ path: join(SHOTS, 'laptop-board.png') });
  await laptop.close();

  // Slide 19: the share-out, one group at a time on the projector; phones follow.
  await show(19);
  await expect(deck.getByText(ACTIVITIES[0])).toBeVisible();
  await expect(phones[3].getByRole('heading', { name: 'Group 1 shares' })).toBeVisible();
  await settled(19);
  // The room reads the group, its standards and each partner's part, not only the activity.
  expect(layoutProblems(await slideLayout(deck))).toEqual([]);
  await deck.screenshot({ path: join(SHOTS, 'projector-share-out-group-1.png') });
  // A projector for a mixed room: the group, its standards and each partner's part in both languages.
  await mixedRoom(19, 'share-out', async (mixed) => {
    await expectRoomReads(mixed, 'Group 1', 'en');
    await expectRoomReads(mixed, 'Grupo 1', 'es');
    await expectRoomReads(mixed, 'Group 1 of 2', 'en');
    await expectRoomReads(mixed, 'Grupo 1 de 2', 'es');
    await expectRoomReads(mixed, `RL.4.1 ${STANDARDS[0].text.en}`, 'en');
    await expectRoomReads(mixed, `RL.4.1 ${STANDARDS[0].text.es}`, 'es');
    await expectRoomReads(mixed, 'Each partner’s part', 'en');
    await expectRoomReads(mixed, 'La parte de cada colaborador', 'es');
  });
  await deck.getByRole('button', { name: 'Next group' }).click();
  await expect(deck.getByText(ACTIVITIES[1])).toBeVisible();
  await expect(phones[3].getByRole('heading', { name: 'Group 2 shares' })).toBeVisible();
  await settled(19);
  await deck.screenshot({ path: join(SHOTS, 'projector-share-out-group-2.png') });

  // Slide 20: the room places dots on the agreed activities (the gallery walk's engine).
  await show(20);
  for (const phone of phones) {
    for (const activity of ACTIVITIES) await phone.getByRole('button', { name: `Add a Blue sticker: ${activity}` }).click();
    await expect(phone.getByRole('button', { name: `Remove my Blue sticker: ${ACTIVITIES[1]}` })).toBeVisible();
  }
  expect((await api('PUT', '/gallery/reveal', { revealed: true })).status).toBe(200);

  // Slide 21: the plan page, opened from the notes view, places the winners on the continuum.
  await show(21);
  const [planPage] = await Promise.all([notesContext.waitForEvent('page'), notes.getByRole('link', { name: 'Open the plan page' }).click()]);
  await expect(planPage.getByText('You can edit this plan (facilitator link).')).toBeVisible();
  const place = async (activity: string, subject: string, grades: string[]) => {
    const form = planPage.getByRole('form', { name: `Place on the continuum: ${activity}` });
    await form.getByLabel('Subject area').fill(subject);
    for (const g of grades) await form.getByLabel(g, { exact: true }).check();
    await form.getByRole('button', { name: 'Place it' }).click();
  };
  await place(ACTIVITIES[0], 'English language arts', ['3', '4', '5']);
  await place(ACTIVITIES[1], 'Mathematics', ['7']);
  await expect(deck.getByRole('cell', { name: new RegExp(ACTIVITIES[1]) })).toBeVisible();
  await settled(21);
  await deck.screenshot({ path: join(SHOTS, 'projector-continuum.png') });
  // The mixed room reads the continuum's heading, its subjects and the dots in both languages.
  await mixedRoom(21, 'continuum', async (mixed) => {
    await expectRoomReads(mixed, 'Subject area', 'en');
    await expectRoomReads(mixed, 'Materia', 'es');
    await expectRoomReads(mixed, STANDARDS[1].subject.en, 'en');
    await expectRoomReads(mixed, STANDARDS[1].subject.es, 'es');
    await expectRoomReads(mixed, 'Dots: 4', 'en');
    await expectRoomReads(mixed, 'Puntos: 4', 'es');
    // Each strategy's grades, neighbouring ones as a range.
    await expect(mixed.getByRole('cell', { name: '3–5', exact: true })).toBeVisible();
  });

  // Step 7: the plan's fields for each strategy, and the meeting times.
  for (const [i, activity] of ACTIVITIES.entries()) {
    const form = planPage.getByRole('form', { name: `The plan for this strategy: ${activity}` });
    await form.getByLabel(/^Partners/).fill(i === 0 ? 'Acme Engineering' : 'Valley Credit Union');
    await form.getByLabel('Outcomes: what will be different for students').fill(i === 0 ? 'Grade 4 readers cite details' : 'Grade 7 students keep a budget');
    await form.getByLabel('How we will monitor it').fill('A monthly check-in');
    await form.getByLabel('How we will evaluate it').fill('Reading and math benchmarks');
    await form.getByLabel('How we will improve it').fill('Adjust each term');
    await form.getByLabel('Costs').fill(i === 0 ? 'None' : '$300 for materials');
    await form.getByLabel('Personnel requirements').fill('Two mentors and one teacher');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(planPage.getByLabel('Costs').nth(i)).toHaveValue(i === 0 ? 'None' : '$300 for materials');
  }
  await planPage.getByLabel('Regular meeting times').fill('First Tuesday of each month, 4 pm, library');
  await planPage.getByLabel('Partnership team contact').fill('Ms. Rivera, partnerships@roosevelt.example');
  await planPage.getByRole('button', { name: 'Save the meeting times and contact' }).click();
  await planPage.getByRole('checkbox', { name: 'Step 8: implement the partnership' }).first().check();
  // Slide 22: the plan as the room follows it, and where everyone can read it, in both languages.
  await show(22);
  await mixedRoom(22, 'plan', async (mixed) => {
    await expect(mixed.getByText(/Grade 7 students keep a budget/)).toBeVisible();
    await expectRoomReads(mixed, /^Everyone can read the plan at http/, 'en');
    await expectRoomReads(mixed, /^Todos pueden leer el plan en http/, 'es');
  });
  await planPage.screenshot({ path: join(SHOTS, 'plan-page.png'), fullPage: true });

  // The plan's PDF, from the page's own link, holds every planned strategy.
  const [download] = await Promise.all([
    planPage.waitForEvent('download'),
    planPage.getByRole('link', { name: 'Download the plan (PDF)', exact: true }).click(),
  ]);
  const pdfPath = join(SHOTS, 'partnership-plan.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString().replace(/\s+/g, ' ');
  for (const activity of ACTIVITIES) expect(text).toContain(activity);
  for (const words of [
    'Partnership Plan',
    'Roosevelt High',
    'First Tuesday of each month, 4 pm, library',
    'Acme Engineering',
    'Valley Credit Union',
    'Grade 7 students keep a budget',
    '$300 for materials',
    'Mathematics',
    'English language arts',
  ])
    expect(text).toContain(words);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, join(SHOTS, 'partnership-plan')]);

  // The thank-you letters name each partner organisation that introduced itself.
  const letters = await planPage.evaluate(
    async (href) => Array.from(new Uint8Array(await (await fetch(href)).arrayBuffer())),
    `/api/sessions/${code}/plan/letters.pdf`,
  );
  const lettersPath = join(SHOTS, 'thank-you-letters.pdf');
  writeFileSync(lettersPath, Buffer.from(letters));
  const lettersText = execFileSync('pdftotext', [lettersPath, '-']).toString();
  expect(lettersText).toContain('Acme Engineering');
  expect(lettersText).toContain('Valley Credit Union');

  // The same plan read in Spanish, without a key, is read-only.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${server.url}/partnership-plan/${code}?lang=es`);
  await expect(reader.getByRole('heading', { name: 'Plan de Colaboración' })).toBeVisible();
  await expect(reader.getByText('Solo lectura. Los facilitadores lo editan desde su enlace.')).toBeVisible();
  await expect(reader.getByText(ACTIVITIES[1])).toBeVisible();

  // The operator's start page links to this session's Partnership Plan, as it links an inventory session's plan; a Module 1 session has no plan to link.
  const moduleOne = await server.startSession('Lincoln Elementary');
  const start = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  start.setDefaultTimeout(15_000);
  await start.goto(server.operatorLink);
  const entry = start.getByRole('region', { name: `Session ${code}` });
  const [opened] = await Promise.all([start.waitForEvent('popup'), entry.getByRole('link', { name: 'Open the Partnership Plan' }).click()]);
  await expect(opened).toHaveURL(`${server.url}/partnership-plan/${code}`);
  await expect(opened.getByText(ACTIVITIES[1])).toBeVisible();
  const other = start.getByRole('region', { name: `Session ${moduleOne.code}` });
  await expect(other.getByRole('link', { name: 'Open the presenter' })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Open the Partnership Plan' })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
