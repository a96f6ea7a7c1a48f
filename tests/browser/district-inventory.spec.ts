import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, joinOnPhone, newPhone, phoneApi, test, type TestServer } from './fixtures.js';

/**
 * The District Facilitation Inventory, end to end: four members mark it differently on
 * their phones (one of them offline for a moment), the projector rolls it up strategy by
 * strategy with the disagreements first, the support facilitator records decisions and
 * merges duplicate "other" activities in the notes view while the room reads them on the
 * projector, the plan is filled in, printed as a PDF (read back with pdftotext) and, a
 * year later, a new session starts from it and shows what changed.
 */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-i13';
const SLIDES = { firstStrategy: 4, secondStrategy: 5, rollup: 11, changes: 17, plan: 18 } as const;
const GROUPS = ['District facilitator', 'Principal', 'SAC chair', 'Parent'];
const NAMES = ['Ana', 'Ben', 'Cruz', 'Dee'];

interface Words {
  strategies: { id: string; title: string; other: string; activities: { id: string; text: string }[] }[];
}

async function startInventory(server: TestServer, schoolName: string, previousCode?: string) {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.operatorKey}` },
    body: JSON.stringify({ deckId: 'district-inventory', schoolName, ...(previousCode ? { previousCode } : {}) }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; leadKey: string; supportKey: string; links: { present: string; notes: string; join: string } };
}

/** Each member's marks for the first strategy, Align Program and Policy (c ✓, i ☆, n neither). */
const ALIGN_MARKS: Record<string, string[]> = {
  // Everyone: conducted now.
  'align-1': ['c', 'c', 'c', 'c'],
  // Two say conducted, two want to start it: the closest split, discussed first.
  'align-2': ['c', 'i', 'c', 'i'],
  // Everyone stars the budget.
  'align-3': ['i', 'i', 'i', 'i'],
  // Only one thinks it is done: a disagreement too.
  'align-4': ['c', 'n', 'n', 'n'],
  'align-5': ['n', 'n', 'i', 'n'],
  'align-6': ['i', 'i', 'n', 'i'],
  'align-7': ['n', 'n', 'n', 'n'],
};
const MARK = { c: 'conducted', i: 'initiate', n: 'neither' } as const;
const MARK_LABEL = { c: '✓ Conducted now', i: '☆ To initiate', n: 'Neither' } as const;

test('four members mark the inventory, the projector rolls it up, the team decides in the notes view, plans, prints, and starts next year from it', async ({ browser, server }) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  const year1 = await startInventory(server, 'Mesa Valley School District');
  const staff = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${year1.code}${path}`, year1.leadKey, body);
  const words = (await (await fetch(`${server.url}/api/sessions/${year1.code}/inventory/words?lang=en`)).json()) as Words;
  const align = words.strategies[0];
  const text = (id: string) => words.strategies.flatMap((s) => s.activities).find((a) => a.id === id)!.text;

  const deckContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const deck = await deckContext.newPage();
  await deck.goto(year1.links.present);

  const phones: Page[] = [];
  const contexts = [];
  for (let i = 0; i < 4; i++) {
    const { context, page } = await newPhone(browser);
    await joinOnPhone(page, year1.links.join, NAMES[i], GROUPS[i]);
    phones.push(page);
    contexts.push(context);
  }
  expect((await staff('PUT', '/presentation/slide', { slide: SLIDES.firstStrategy })).status).toBe(200);

  // Ana marks the first strategy on her phone, as a person does.
  const ana = phones[0];
  await expect(ana.getByRole('heading', { name: align.title })).toBeVisible();
  await expect(ana.getByText('You have answered 0 of 48 activities.')).toBeVisible();
  for (const [id, marks] of Object.entries(ALIGN_MARKS)) {
    await ana
      .getByRole('radiogroup', { name: `Your mark for: ${text(id)}` })
      .getByRole('radio', { name: MARK_LABEL[marks[0] as 'c'] })
      .check();
  }
  await expect(ana.getByText('You have answered 7 of 48 activities.')).toBeVisible();
  // She changes her mind on one, and the count does not move.
  await ana
    .getByRole('radiogroup', { name: `Your mark for: ${text('align-7')}` })
    .getByRole('radio', { name: 'Neither' })
    .check();
  await ana.getByLabel('Another activity').fill('Monthly coffee with the superintendent for families');
  await ana.getByRole('radiogroup', { name: 'It is' }).getByRole('radio', { name: '✓ Conducted now' }).check();
  await ana.getByRole('button', { name: 'Add' }).click();
  await expect(ana.getByText('✓ Conducted now: Monthly coffee with the superintendent for families')).toBeVisible();
  await ana.evaluate(() => scrollTo(0, 0));
  await ana.screenshot({ path: join(SHOTS, 'phone-strategy-1.png') });

  // Ben marks on his phone too, but his Wi-Fi drops half-way: his marks wait and are sent when it returns.
  const ben = phones[1];
  await contexts[1].setOffline(true);
  for (const id of ['align-1', 'align-2', 'align-3']) {
    await ben
      .getByRole('radiogroup', { name: `Your mark for: ${text(id)}` })
      .getByRole('radio', { name: MARK_LABEL[ALIGN_MARKS[id][1] as 'c'] })
      .check();
  }
  await expect(ben.getByText('You have answered 3 of 48 activities.')).toBeVisible();
  await contexts[1].setOffline(false);
  for (const id of ['align-4', 'align-5', 'align-6', 'align-7']) {
    await ben
      .getByRole('radiogroup', { name: `Your mark for: ${text(id)}` })
      .getByRole('radio', { name: MARK_LABEL[ALIGN_MARKS[id][1] as 'c'] })
      .check();
  }
  await expect(ben.getByText('You have answered 7 of 48 activities.')).toBeVisible();
  // He moves on to the next strategy at his own pace.
  await ben.getByRole('button', { name: /^Next strategy:/ }).click();
  await expect(ben.getByRole('heading', { name: words.strategies[1].title })).toBeVisible();

  // Cruz and Dee mark through the same API their phones use, to keep the test short.
  for (const member of [2, 3]) {
    for (const [id, marks] of Object.entries(ALIGN_MARKS)) {
      expect((await phoneApi(phones[member], year1.code, 'PUT', `/inventory/marks/${id}`, { mark: MARK[marks[member] as 'c'] })).status).toBe(200);
    }
  }
  expect(
    (await phoneApi(phones[2], year1.code, 'POST', '/inventory/others', { strategy: 'align', text: 'Superintendent family coffee, monthly', mark: 'initiate' }))
      .status,
  ).toBe(201);
  // Dee marks the second strategy's first activity, so its roll-up has an answer.
  expect((await phoneApi(phones[3], year1.code, 'PUT', '/inventory/marks/awareness-1', { mark: 'initiate' })).status).toBe(200);

  // The projector on the marking slide: progress, never the marks.
  // Reveal keeps the slides either side rendered: look at the one on screen.
  const onScreen = deck.locator('.reveal .slides > section.present');
  await expect(onScreen.getByText(`${align.title}: 4 of 4 members have marked this strategy; 4 have finished it.`)).toBeVisible();

  // The roll-up of the first strategy.
  expect((await staff('PUT', '/presentation/slide', { slide: SLIDES.rollup })).status).toBe(200);
  const rollup = onScreen.getByRole('list', { name: align.title });
  await expect(rollup).toBeVisible();
  await expect(onScreen.getByRole('status').filter({ hasText: '4 of 4 members have marked this strategy; 4 have finished it.' })).toBeVisible();
  // The projector pages the roll-up at room size: its first page starts with the disagreements.
  const rows = rollup.getByRole('listitem');
  await expect(rows.nth(0)).toContainText(text('align-2'));
  await expect(rows.nth(0)).toContainText('We see it differently');
  await expect(rollup.getByLabel('2 marked conducted now, 2 to initiate, 0 neither')).toBeVisible();

  // The support facilitator's notes view has the whole roll-up, and the controls to decide.
  const notes = await deckContext.newPage();
  await notes.goto(year1.links.notes);
  const notesRollup = notes.getByRole('list', { name: align.title });
  await expect(notesRollup).toBeVisible();
  const notesRows = notesRollup.getByRole('listitem');
  await expect(notesRows).toHaveCount(7);
  // Disagreements first, the even split before the lone ✓; then the most starred.
  await expect(notesRows.nth(0)).toContainText(text('align-2'));
  await expect(notesRows.nth(0)).toContainText('We see it differently');
  await expect(notesRows.nth(1)).toContainText(text('align-4'));
  await expect(notesRows.nth(2)).toContainText(text('align-3'));
  await expect(notesRows.nth(2)).toContainText('Most starred');
  await expect(notesRollup.getByLabel('0 marked conducted now, 4 to initiate, 0 neither')).toBeVisible();
  await expect(notesRollup.getByLabel('4 marked conducted now, 0 to initiate, 0 neither')).toBeVisible();
  await expect(notesRollup.getByLabel('0 marked conducted now, 0 to initiate, 4 neither')).toBeVisible();

  // The two coffees are one activity: merged in the notes view, they count two people.
  const others = notes.getByRole('list', { name: 'Our own activities' });
  await expect(others.getByRole('listitem')).toHaveCount(2);
  await notes.getByLabel('Merge "Superintendent family coffee, monthly" into').selectOption({ label: 'Monthly coffee with the superintendent for families' });
  await expect(others.getByRole('listitem')).toHaveCount(1);
  await expect(others.getByText('2 people')).toBeVisible();
  await expect(others.getByText('Also written as: Superintendent family coffee, monthly')).toBeVisible();
  await expect(others.getByLabel('1 marked conducted now, 1 to initiate, 0 neither')).toBeVisible();

  // The team's decisions, with a note, recorded in the notes view as the room decides.
  const decide = async (label: string, decision: string) => {
    await notes.getByLabel(`Decision for: ${label}`).selectOption({ label: decision });
    await expect(notes.getByLabel(`Decision for: ${label}`)).toHaveValue(/./);
  };
  await decide(text('align-1'), 'Conducted');
  await decide(text('align-2'), 'To initiate this year');
  await decide(text('align-3'), 'To initiate this year');
  await decide(text('align-4'), 'Later');
  await decide(text('align-7'), 'Not for us');
  await decide('Monthly coffee with the superintendent for families', 'To initiate this year');
  await notes.getByLabel(`Note for: ${text('align-3')}`).fill('Ask the Title I office before October');
  await notes.getByLabel(`Note for: ${text('align-3')}`).press('Enter');
  await notes.getByLabel(`Note for: ${text('align-3')}`).blur();
  await expect
    .poll(async () => ((await staff('GET', '/inventory/plan')).json as { strategies: { rows: { note: string }[] }[] }).strategies[0].rows.map((r) => r.note))
    .toContain('Ask the Title I office before October');
  // The room reads each decision and its note on the projector, as text.
  await expect(rows.nth(0)).toContainText('Decided: To initiate this year');
  await expect(rollup.getByRole('listitem').filter({ hasText: text('align-3') })).toContainText('Decided: To initiate this year — Ask the Title I office before October');
  await deck.screenshot({ path: join(SHOTS, 'projector-rollup.png') });
  await notes.screenshot({ path: join(SHOTS, 'notes-rollup.png') });
  await notes.close();

  // Another strategy, decided from the API as the notes view would: one more plan row elsewhere.
  expect((await staff('PUT', '/inventory/decisions/document-2', { decision: 'initiate-this-year' })).status).toBe(200);

  // The plan slide: the lead fills in the budget row as the team agrees.
  expect((await staff('PUT', '/presentation/slide', { slide: SLIDES.plan })).status).toBe(200);
  const budget = deck.getByRole('group', { name: `Plan for: ${text('align-3')}` });
  await expect(budget).toBeVisible();
  await expect(deck.getByRole('group', { name: /^Plan for: / })).toHaveCount(4);
  await budget.getByLabel('Who leads').fill('Dana Ortiz, Title I coordinator');
  await budget.getByLabel('Who leads').blur();
  await budget.getByLabel('Start', { exact: true }).fill('2025-09-01');
  await budget.getByLabel('Due', { exact: true }).fill('2025-12-15');
  await budget.getByRole('checkbox', { name: 'Title I funding' }).check();
  await budget.getByRole('checkbox', { name: 'Staff' }).check();
  await budget.getByLabel('How progress will be documented').fill('Budget line in the district plan, reviewed in January');
  await budget.getByLabel('How progress will be documented').blur();
  await budget.getByRole('combobox', { name: /^Status/ }).selectOption({ label: 'In progress' });
  await expect
    .poll(
      async () =>
        (
          (await staff('GET', '/inventory/plan')).json as { strategies: { rows: { lead: string; resources: string[]; status: string }[] }[] }
        ).strategies[0].rows.find((r) => r.lead)?.status,
    )
    .toBe('in-progress');
  await deck.screenshot({ path: join(SHOTS, 'projector-plan.png') });

  // The printable page, read with the code alone.
  const planPage = await deckContext.newPage();
  await planPage.goto(`${server.url}/plan/${year1.code}`);
  await expect(planPage.getByRole('heading', { name: 'Leadership Action Plan for Partnerships' })).toBeVisible();
  await expect(planPage.getByText('Mesa Valley School District')).toBeVisible();
  const alignSection = planPage.getByRole('region', { name: align.title });
  await expect(alignSection.getByRole('row')).toHaveCount(4);
  await expect(alignSection.getByRole('row', { name: new RegExp(escape(text('align-3'))) })).toContainText('Dana Ortiz, Title I coordinator');
  await expect(alignSection.getByRole('row', { name: new RegExp(escape(text('align-3'))) })).toContainText('Staff; Title I funding');
  await expect(planPage.getByRole('region', { name: words.strategies[1].title }).getByText('Nothing planned for this strategy this year.')).toBeVisible();
  await planPage.getByLabel('Language').selectOption({ label: 'Español' });
  await expect(planPage.getByRole('heading', { name: 'Plan de Acción de Liderazgo para la Colaboración' })).toBeVisible();
  await planPage.screenshot({ path: join(SHOTS, 'plan-page-es.png'), fullPage: true });
  // A language picked in a page's menu is kept for every page of this browser: back to English for the pages that follow.
  await planPage.getByLabel('Idioma').selectOption({ label: 'English' });
  await expect(planPage.getByRole('heading', { name: 'Leadership Action Plan for Partnerships' })).toBeVisible();

  // Its PDF: every planned activity is printed, on one or two pages.
  const pdfPath = join(SHOTS, 'leadership-action-plan.pdf');
  const pdf = await fetch(`${server.url}/api/sessions/${year1.code}/inventory/plan/pdf?lang=en`);
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toContain('application/pdf');
  writeFileSync(pdfPath, Buffer.from(await pdf.arrayBuffer()));
  const printed = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  // Compared without any white space: the PDF wraps long activities anywhere, an em dash included.
  const flat = (s: string) => s.replace(/\s+/g, '');
  const pages = printed.split('\f').filter((p) => p.trim()).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
  const raw = flat(execFileSync('/usr/bin/pdftotext', [pdfPath, '-'], { encoding: 'utf8' }));
  for (const planned of [
    text('align-2'),
    text('align-3'),
    text('document-2'),
    'Monthly coffee with the superintendent for families',
    'Dana Ortiz, Title I coordinator',
  ]) {
    expect(raw).toContain(flat(planned));
  }
  expect(raw).not.toContain(flat(text('align-1')));
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', pdfPath, join(SHOTS, 'plan-pdf')]);

  // CSV and JSON carry the same rows.
  const csv = await (await fetch(`${server.url}/api/sessions/${year1.code}/inventory/plan/csv`)).text();
  expect(csv).toContain('Dana Ortiz, Title I coordinator');
  expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(5);

  // A year later: the operator starts the next inventory from this one on the start page.
  const start = await deckContext.newPage();
  await start.goto(server.operatorLink);
  await start.getByLabel('Workshop deck').selectOption({ label: 'District Facilitation Inventory for Partnering (19 slides, 120 min)' });
  await start.getByLabel('School name').fill('Mesa Valley School District, year two');
  const earlier = start.getByLabel('Start from an earlier inventory (optional)');
  await expect(earlier.getByRole('option', { name: new RegExp(`Mesa Valley School District · session ${year1.code}`) })).toBeAttached();
  await earlier.selectOption(year1.code);
  await start.getByRole('button', { name: 'Start a session' }).click();
  await expect(start.getByText('Mesa Valley School District, year two', { exact: false })).toBeVisible();
  const list = (await (await fetch(`${server.url}/api/sessions`, { headers: { authorization: `Bearer ${server.operatorKey}` } })).json()) as {
    sessions: { code: string; schoolName: string; links: { present: string; notes: string } }[];
  };
  const year2 = list.sessions.find((s) => s.schoolName === 'Mesa Valley School District, year two')!;
  const leadKey2 = new URL(year2.links.present).hash.match(/key=([^&]+)/)?.[1] ?? '';
  const staff2 = (method: string, path: string, body?: unknown) => server.api(method, `/api/sessions/${year2.code}${path}`, decodeURIComponent(leadKey2), body);

  const deck2 = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await deck2.goto(year2.links.present);
  expect((await staff2('PUT', '/presentation/slide', { slide: SLIDES.rollup })).status).toBe(200);
  // Last year's decisions are there to review, beside each activity, on the projector and in the notes view.
  await expect(deck2.getByRole('list', { name: align.title }).getByText('Last year: To initiate this year').first()).toBeVisible();
  const notes2 = await deck2.context().newPage();
  await notes2.goto(year2.links.notes);
  await expect(notes2.getByLabel(`Decision for: ${text('align-3')}`)).toHaveValue('initiate-this-year');
  // This year: the budget is in place, the policy review is set aside, the plan stays starred.
  await notes2.getByLabel(`Decision for: ${text('align-3')}`).selectOption({ label: 'Conducted' });
  await notes2.getByLabel(`Decision for: ${text('align-1')}`).selectOption({ label: 'Not for us' });
  await expect(notes2.getByLabel(`Decision for: ${text('align-1')}`)).toHaveValue('not-for-us');
  expect((await staff2('PUT', '/presentation/slide', { slide: SLIDES.changes })).status).toBe(200);
  // How many of each kind, then each activity with what it was and what it is now.
  await expect(deck2.getByText('Newly conducted (1)')).toBeVisible();
  await expect(deck2.getByText('Still to initiate (3)')).toBeVisible();
  await expect(deck2.getByText('Set aside (1)')).toBeVisible();
  const changes = deck2.getByRole('list', { name: /^Since the inventory of/ });
  const change = (activity: string) => changes.getByRole('listitem').filter({ hasText: activity });
  await expect(change(text('align-3'))).toContainText('To initiate this year → Conducted');
  await expect(change(text('align-2'))).toContainText('To initiate this year → To initiate this year');
  await expect(change('Monthly coffee with the superintendent for families')).toContainText('→ To initiate this year');
  // The set-aside activity is last: on the list's next page when the rows do not all fit (12 s a page).
  await expect(change(text('align-1'))).toContainText('→ Not for us', { timeout: 30_000 });
  await expect(deck2.getByText(new RegExp(`Mesa Valley School District, session ${year1.code}`))).toBeVisible();
  await deck2.screenshot({ path: join(SHOTS, 'projector-changes.png') });

  // Last year's plan row came across as it stood.
  const plan2 = (await staff2('GET', '/inventory/plan')).json as { strategies: { rows: { activity: string; lead: string }[] }[] };
  expect(plan2.strategies[0].rows.map((r) => r.activity)).toContain(text('align-2'));
  expect(plan2.strategies[0].rows.map((r) => r.activity)).not.toContain(text('align-3'));
});

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
