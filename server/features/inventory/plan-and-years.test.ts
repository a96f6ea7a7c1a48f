import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { inventorySetup, INVENTORY_SLIDES } from '../../../tests/unit/inventory-setup.js';
import { inventoryPart } from './inventory-views.js';

const setup = inventorySetup();
afterEach(() => setup.closeAll());

async function pdfText(t: Awaited<ReturnType<typeof setup.team>>['t'], path: string): Promise<{ text: string; pages: number; etag: string | null; status: number }> {
  const res = await t.app.request(path);
  const pdf = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { text: pdf.toString(), pages: 0, etag: res.headers.get('etag'), status: res.status };
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())?.[1]);
  return { text: execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, ' '), pages, etag: res.headers.get('etag'), status: res.status };
}

/** A district team's first year: what it decides and plans. */
async function firstYear() {
  const team = await setup.team(2);
  const { t, s, base, members, decide } = team;
  await decide('align-3', 'initiate-this-year', 'Ask the Title I office');
  await decide('awareness-6', 'initiate-this-year');
  await decide('learning-6', 'initiate-this-year');
  await decide('document-4', 'initiate-this-year');
  await decide('knowledge-2', 'conducted');
  await decide('celebrate-1', 'later');
  const own = await t.call('POST', `${base}/others`, { key: members[0].token, body: { strategy: 'celebrate', text: 'Family Math Night at every school', mark: 'initiate' } });
  await decide(own.json.otherId, 'initiate-this-year', 'Adopted from our own list');
  const row = (item: string, body: unknown) => t.call('PUT', `${base}/plan-rows/${item}`, { key: s.leadKey, body });
  await row('align-3', { lead: 'Dana Ortiz', start: '2025-09-01', due: '2025-12-15', resources: ['title-i-funding', 'staff'], resourcesNote: '$4,000', documentation: 'Budget line in the district plan', status: 'in-progress' });
  await row(own.json.otherId, { lead: 'SAC chairs', due: '2026-03-31', resources: ['time'], status: 'not-started' });
  return { ...team, ownId: own.json.otherId as string };
}

describe('the Leadership Action Plan', () => {
  it('prints every planned activity, strategy by strategy, in a PDF of one or two pages, and in CSV and JSON, in English or Spanish', async () => {
    const { t, s, ownId } = await firstYear();
    const plan = `/api/sessions/${s.code}/inventory/plan`;
    const english = await pdfText(t, `${plan}/pdf`);
    expect(english.status).toBe(200);
    expect(english.pages).toBeGreaterThanOrEqual(1);
    expect(english.pages).toBeLessThanOrEqual(2);
    expect(english.text).toContain('Mesa Valley District');
    expect(english.text).toContain('Leadership Action Plan for Partnerships');
    for (const words of [
      'Identify a budget to implement the district partnership program (e.g., time, staff, Title I funding).',
      "Announce the district's partnership program on the school district website.",
      'Conduct workshops for parents on ways to partner with the school to increase student success.',
      'Evaluate the district partnership program annually on established indicators.',
      'Family Math Night at every school',
      'Dana Ortiz',
      'Title I funding',
      'Budget line in the district plan',
    ]) {
      expect(english.text).toContain(words);
    }
    // Each strategy is a section, planned or not; an activity decided otherwise is not in it.
    for (const n of [1, 2, 3, 4, 5, 6]) expect(english.text).toContain(`Strategy ${n}:`);
    expect(english.text).toContain('Nothing planned for this strategy this year.');
    expect(english.text).not.toContain('Facilitate a mid-year meeting');

    const spanish = await pdfText(t, `${plan}/pdf?lang=es`);
    expect(spanish.text).toContain('Plan de Acción de Liderazgo para la Colaboración');
    expect(spanish.text).toContain('Identificar un presupuesto para poner en marcha el programa de colaboración del distrito');
    expect(spanish.text).toContain('Fondos de Título I');
    expect(spanish.text).toContain('Family Math Night at every school');

    const csv = await t.call('GET', `${plan}/csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(csv.json).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toContain('align-3');
    expect(lines[1]).toContain('Dana Ortiz');
    expect(lines.some((l) => l.includes(ownId) && l.includes('Family Math Night'))).toBe(true);
    const json = await t.call('GET', `${plan}/json`);
    expect(json.json.strategies.flatMap((st: { rows: { item: string }[] }) => st.rows.map((r) => r.item))).toEqual(['align-3', 'awareness-6', 'learning-6', ownId, 'document-4']);
    expect(json.json.strategies[0].rows[0]).toMatchObject({ lead: 'Dana Ortiz', start: '2025-09-01', due: '2025-12-15', resourceIds: ['staff', 'title-i-funding'], resources: ['Staff', 'Title I funding'], status: 'in-progress' });
  });

  it('draws a version once: marks and slide changes keep it, a plan edit makes a new one', async () => {
    const { t, s, mark } = await firstYear();
    const path = `/api/sessions/${s.code}/inventory/plan/pdf`;
    const first = await pdfText(t, path);
    await mark(0, 'align-1', 'conducted');
    await t.showSlide(s.code, s.leadKey, INVENTORY_SLIDES.plan);
    expect((await pdfText(t, path)).etag).toBe(first.etag);
    expect(t.agreementPdfs.renders).toBe(1);
    await t.call('PUT', `/api/sessions/${s.code}/inventory/plan-rows/learning-6`, { key: s.leadKey, body: { lead: 'Ms. Lee' } });
    const second = await pdfText(t, path);
    expect(second.etag).not.toBe(first.etag);
    expect(second.text).toContain('Ms. Lee');
    expect(t.agreementPdfs.renders).toBe(2);
  });

  it('prints the district’s own terms once they are set for the session', async () => {
    const { t, s } = await firstYear();
    const set = await t.call('PUT', `/api/sessions/${s.code}/terms`, { key: s.leadKey, body: { values: { titleI: { en: 'Federal Title funds', es: 'Fondos federales' } } } });
    expect(set.status).toBe(200);
    expect((await t.call('PUT', `/api/sessions/${s.code}/terms`, { key: s.leadKey, body: { values: { nope: { en: 'x' } } } })).json.error.code).toBe('unknown_term');
    const words = await t.call('GET', `/api/sessions/${s.code}/inventory/words`);
    expect(words.json.strategies[0].activities[2].text).toBe('Identify a budget to implement the district partnership program (e.g., time, staff, Federal Title funds funding).');
    const pdf = await pdfText(t, `/api/sessions/${s.code}/inventory/plan/pdf`);
    expect(pdf.text).toContain('Federal Title funds funding');
    // The slides the presenter gets are the district's too.
    const deck = await t.call('GET', `/api/sessions/${s.code}/deck`, { key: s.leadKey });
    expect(JSON.stringify(deck.json)).not.toContain('{{');
  });
});

describe('year over year', () => {
  it('starts next year’s inventory from last year’s decisions and plan, and shows what changed', async () => {
    const last = await firstYear();
    const { t } = last;
    const next = await setup.team(2, { app: t, previousCode: last.s.code, schoolName: 'Mesa Valley District 2026' });
    const inventory = () => inventoryPart(next.live().runtime.state, next.live().runtime.deck).inventory!;

    // Copied in: the decisions, the plan rows with their fields, and the team's own activity under its own id.
    expect(inventory().decisions['knowledge-2'].decision).toBe('conducted');
    expect(inventory().plan.map((r) => r.item)).toEqual(['align-3', 'awareness-6', 'learning-6', last.ownId, 'document-4']);
    expect(inventory().plan[0]).toMatchObject({ lead: 'Dana Ortiz', status: 'in-progress', resources: ['staff', 'title-i-funding'] });
    expect(inventory().strategies.find((st) => st.id === 'celebrate')!.others[0]).toMatchObject({ id: last.ownId, texts: ['Family Math Night at every school'], carried: true, people: 0 });
    // Nothing has changed yet.
    expect(inventory().changes).toMatchObject({ from: { code: last.s.code, schoolName: 'Mesa Valley District' }, newlyConducted: [], dropped: [] });
    expect(inventory().changes!.stillStarred.map((c) => c.item)).toEqual(['align-3', 'awareness-6', 'learning-6', last.ownId, 'document-4']);

    // This year's team reviews: the website is up now, the workshops can wait, the budget is still to do.
    await next.decide('awareness-6', 'conducted');
    await next.decide('learning-6', 'later');
    await next.decide('celebrate-1', 'conducted');
    const changes = inventory().changes!;
    expect(changes.newlyConducted.map((c) => [c.item, c.before])).toEqual([
      ['awareness-6', 'initiate-this-year'],
      ['celebrate-1', 'later'],
    ]);
    expect(changes.stillStarred.map((c) => c.item)).toEqual(['align-3', last.ownId, 'document-4']);
    expect(changes.dropped.map((c) => [c.item, c.now])).toEqual([['learning-6', 'later']]);
    // Last year's session is untouched.
    expect(inventoryPart(last.live().runtime.state, last.live().runtime.deck).inventory!.decisions['awareness-6'].decision).toBe('initiate-this-year');
  });

  it('survives a restart: the copied year and this year’s changes replay from the log', async () => {
    const last = await firstYear();
    const next = await setup.team(1, { app: last.t, previousCode: last.s.code });
    await next.decide('awareness-6', 'conducted');
    const before = inventoryPart(next.live().runtime.state, next.live().runtime.deck);
    await last.t.registry.committed();
    const again = last.t.restart();
    try {
      const live = again.registry.get(next.s.code)!;
      expect(inventoryPart(live.runtime.state, live.runtime.deck)).toEqual(before);
    } finally {
      again.close();
    }
  });

  it('refuses to start from a session that is not an inventory, or that does not exist, and starts nothing', async () => {
    const { t } = await setup.team(0);
    const moduleOne = await t.startSession();
    const count = () => t.registry.all().length;
    const before = count();
    const fromModuleOne = await t.call('POST', '/api/sessions', { key: t.operatorKey, body: { deckId: 'district-inventory', previousCode: moduleOne.code } });
    expect(fromModuleOne.status).toBe(409);
    expect(fromModuleOne.json.error.code).toBe('no_inventory');
    expect((await t.call('POST', '/api/sessions', { key: t.operatorKey, body: { deckId: 'district-inventory', previousCode: 'ZZZZZZ' } })).status).toBe(404);
    expect((await t.call('POST', '/api/sessions', { key: t.operatorKey, body: { deckId: 'district-inventory', previousCode: 'not a code' } })).status).toBe(400);
    expect(count()).toBe(before);
  });
});
