import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL, protocolRoom } from '../../../tests/unit/protocol-setup.js';
import { testApp } from '../../../tests/unit/test-app.js';

type App = ReturnType<typeof testApp>;
const opened: App[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');

async function pdf(t: App, path: string) {
  const res = await t.app.request(path, { headers: { 'x-forwarded-for': '10.0.0.9' } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

/**
 * Two mixed groups brainstorm, cluster and agree on activities; the room votes; the
 * facilitator places the winners on the continuum and fills in the plan.
 */
async function plannedSession(t: App) {
  const room = await protocolRoom(t);
  const { s, base, lead, people } = room;
  const state = () => t.registry.get(s.code)!.runtime.state;
  const groups = state().groupWork.groups;
  const memberOf = (groupId: string) => people.find((p) => state().groupWork.groupOf.get(p.participantId) === groupId)!;
  const agreed: string[] = [];
  for (const [g, group] of groups.entries()) {
    const member = memberOf(group.id);
    expect((await t.call('PUT', `${base}/groups/standards`, { key: member.token, body: { standardIds: g === 0 ? ['ela-1'] : ['math-1', 'sci-1'] } })).status).toBe(200);
  }
  await t.showSlide(s.code, lead, PROTOCOL.brainstorm);
  const notes: Record<string, string[]> = {};
  for (const [g, group] of groups.entries()) {
    const member = memberOf(group.id);
    const standardId = g === 0 ? 'ela-1' : 'math-1';
    notes[group.id] = [];
    for (const text of [`Reading buddies ${g}`, `Career talks ${g}`]) {
      const posted = await t.call('POST', `${base}/groups/notes`, { key: member.token, body: { slide: PROTOCOL.brainstorm, standardId, text, helpers: ['businesses', 'parents'] } });
      expect(posted.status).toBe(201);
      notes[group.id].push((posted.json as { noteId: string }).noteId);
    }
  }
  await t.showSlide(s.code, lead, PROTOCOL.refine);
  for (const [g, group] of groups.entries()) {
    const member = memberOf(group.id);
    const made = await t.call('POST', `${base}/groups/clusters`, { key: member.token, body: { slide: PROTOCOL.refine, name: `Mentoring ${g}` } });
    const { clusterId } = made.json as { clusterId: string };
    for (const noteId of notes[group.id]) await t.call('PUT', `${base}/groups/clustered/${noteId}`, { key: member.token, body: { clusterId } });
    const text = g === 0 ? 'Local engineers mentor grade 4 readers weekly' : 'A bank runs a budgeting project with grade 7';
    const saved = await t.call('PATCH', `${base}/groups/clusters/${clusterId}`, { key: member.token, body: { activity: text, partnerRoles: 'Partners bring mentors; teachers plan', useful: true, realistic: true } });
    expect(saved.json).toMatchObject({ agreed: true });
    agreed.push(text);
  }
  await t.showSlide(s.code, lead, PROTOCOL.vote);
  const cards = [...state().cards.values()].filter((c) => c.wall === 'strategies');
  for (const p of people) for (const card of cards) await t.call('POST', `${base}/stickers`, { key: p.token, body: { cardId: card.id } });
  await t.call('PUT', `${base}/gallery/reveal`, { key: lead, body: { revealed: true } });
  await t.showSlide(s.code, lead, PROTOCOL.continuum);
  for (const [i, card] of cards.entries()) {
    const placed = await t.call('PUT', `${base}/plan/continuum/${card.id}`, { key: lead, body: { subject: i === 0 ? 'English language arts' : 'Mathematics', grades: i === 0 ? ['3', '4', '5'] : ['7'] } });
    expect(placed.status).toBe(200);
    await t.call('PUT', `${base}/plan/strategies/${card.id}`, {
      key: lead,
      body: { partners: ['Org 0'], outcomes: `Outcome ${i}`, monitoring: 'Monthly check-in', evaluation: 'Reading scores', improvement: 'Adjust each term', costs: '$200', personnel: 'Two mentors' },
    });
  }
  await t.call('PUT', `${base}/plan`, { key: lead, body: { meetingTimes: 'First Tuesday of each month, 4 pm', contact: 'Ms. Rivera' } });
  return { ...room, cards, agreed, groups };
}

describe('the Partnership Plan', () => {
  it('holds every voted strategy the facilitator placed, with its partners, outcomes, monitoring, costs and personnel, in the PDF and the exports', async () => {
    const t = testApp();
    opened.push(t);
    const { s, base, lead, agreed } = await plannedSession(t);

    const plan = await t.call('GET', `${base}/plan`);
    const part = (plan.json as { plan: { strategies: { text: string; dots: number; placement: unknown; groups: number[] }[]; meetingTimes: string } }).plan;
    expect(part.strategies.map((st) => st.text).sort()).toEqual([...agreed].sort());
    // Eight people, one dot each on both strategies.
    expect(part.strategies.map((st) => st.dots)).toEqual([8, 8]);
    expect(part.strategies.every((st) => st.placement && st.groups.length === 1)).toBe(true);

    const english = await pdf(t, `${base}/plan/pdf`);
    expect(english.status).toBe(200);
    const text = pdfText(english.body);
    for (const strategy of agreed) expect(text).toContain(strategy);
    expect(text).toContain('Partnership Plan');
    expect(text).toContain('First Tuesday of each month, 4 pm');
    expect(text).toContain('Monthly check-in');
    expect(text).toContain('Two mentors');
    expect(text).toContain('Mathematics');
    expect(text).toContain('3–5');

    const spanish = pdfText((await pdf(t, `${base}/plan/pdf?lang=es`)).body);
    expect(spanish).toContain('Plan de Colaboración');
    expect(spanish).toContain('Matemáticas');

    const csv = await t.app.request(`${base}/plan/export.csv`, { headers: { authorization: `Bearer ${lead}` } });
    const rows = (await csv.text()).trim().split('\n');
    expect(rows).toHaveLength(3);
    for (const strategy of agreed) expect(rows.some((r) => r.includes(strategy))).toBe(true);
    // The export is the facilitators'.
    expect((await t.app.request(`${base}/plan/export.csv`)).status).toBe(401);

    const letters = pdfText((await pdf(t, `${base}/plan/letters.pdf`)).body);
    // Every partner organisation named in the introductions gets a letter; Org 0 is in the plan.
    for (const organisation of ['Org 0', 'Org 1', 'Org 2', 'Org 3']) expect(letters).toContain(organisation);
    expect(letters).toContain(agreed[0]);
    expect(s.code).toMatch(/^[A-Z0-9]{6}$/);
  });

  it('a strategy left off the continuum is not in the PDF until placed; an edit makes a new PDF version', async () => {
    const t = testApp();
    opened.push(t);
    const { base, lead, cards, agreed } = await plannedSession(t);
    const before = await t.app.request(`${base}/plan/pdf`, { headers: { 'x-forwarded-for': '10.0.0.2' } });
    const etag = before.headers.get('etag');
    expect(await t.call('DELETE', `${base}/plan/continuum/${cards[0].id}`, { key: lead }).then((r) => r.status)).toBe(200);
    const after = await t.app.request(`${base}/plan/pdf`, { headers: { 'x-forwarded-for': '10.0.0.2' } });
    expect(after.headers.get('etag')).not.toBe(etag);
    const text = pdfText(Buffer.from(await after.arrayBuffer()));
    const left = cards[0].text;
    expect(agreed).toContain(left);
    expect(text).not.toContain(left);
    expect(text).toContain(agreed.find((a) => a !== left)!);
  });

  it('refuses a grade the continuum does not have, and a participant changing the plan', async () => {
    const t = testApp();
    opened.push(t);
    const { base, lead, cards, people } = await plannedSession(t);
    const bad = await t.call('PUT', `${base}/plan/continuum/${cards[0].id}`, { key: lead, body: { subject: 'Mathematics', grades: ['13'] } });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: { code: string } }).error.code).toBe('unknown_grade');
    const participant = await t.call('PUT', `${base}/plan`, { key: people[0].token, body: { contact: 'me' } });
    expect(participant.status).toBe(403);
  });
});
