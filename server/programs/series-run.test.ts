import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../tests/unit/test-app.js';

type T = ReturnType<typeof testApp>;
let t: T;
afterEach(() => t?.close());

/** The slide of a deck that runs `kind` (the `nth` one), read from the session's own deck. */
function slideOf(t: T, code: string, kind: string, nth = 0): number {
  const slides = t.registry.get(code)!.runtime.deck.slides.filter((s) => s.activity?.kind === kind);
  return slides[nth].number;
}

async function startProgram(t: T, schoolName: string, district = 'Riverside Unified') {
  const res = await t.call('POST', '/api/programs', {
    key: t.operatorKey,
    body: { seriesId: 'parent-teacher-partnerships', schoolName, district, model: 'district-wide', dates: { '1': '2026-09-14', '2': '2026-10-12' } },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

async function openSession(t: T, programId: string, number: number) {
  const res = await t.call('POST', `/api/programs/${programId}/sessions/${number}`, {
    key: t.operatorKey,
    body: { facilitators: { lead: { name: 'Rosa Díaz', role: 'parent' }, support: { name: 'Mr. Okafor', role: 'teacher' } } },
  });
  expect(res.status).toBe(201);
  return res.json as { code: string; leadKey: string; supportKey: string; coachKey: string; links: Record<string, string> };
}

async function show(t: T, code: string, key: string, slide: number) {
  expect((await t.call('PUT', `/api/sessions/${code}/presentation/slide`, { key, body: { slide } })).status).toBe(200);
}

describe('a program: two sessions of the Parent-Teacher Partnerships series', () => {
  it('carries the first session over to the second, counts returning people without names, and shows leadership answers', async () => {
    t = testApp();
    const programId = await startProgram(t, 'Lincoln Elementary');
    const one = await openSession(t, programId, 1);
    expect(one.links.coach).toContain(`#key=${one.coachKey}`);

    const ana = await t.joinAs(one.code, 'Ana', 'parent');
    const ben = await t.joinAs(one.code, 'Ben', 'teacher');
    await show(t, one.code, one.leadKey, slideOf(t, one.code, 'attendance'));
    const anaCode = await t.call('POST', `/api/sessions/${one.code}/attendance`, { key: ana.token, body: {} });
    expect(anaCode.status).toBe(200);
    expect(anaCode.json).toMatchObject({ returning: false });
    expect(anaCode.json.code).toMatch(/^[2-9A-Z]{6}$/);
    // Asking again gives the same code, not a second one.
    expect((await t.call('POST', `/api/sessions/${one.code}/attendance`, { key: ana.token, body: {} })).json.code).toBe(anaCode.json.code);
    await t.call('POST', `/api/sessions/${one.code}/attendance`, { key: ben.token, body: {} });

    const agreementsSlide = slideOf(t, one.code, 'card', 0);
    await show(t, one.code, one.leadKey, agreementsSlide);
    await t.call('POST', `/api/sessions/${one.code}/cards`, { key: ana.token, body: { slide: agreementsSlide, text: 'We listen without judging' } });
    const questionSlide = slideOf(t, one.code, 'card', 1);
    await show(t, one.code, one.leadKey, questionSlide);
    const question = await t.call('POST', `/api/sessions/${one.code}/cards`, {
      key: ben.token,
      body: { slide: questionSlide, text: 'Can conferences be held in the evening?' },
    });
    const questionId = question.json.cardIds[0] as string;
    const reflectionSlide = slideOf(t, one.code, 'reflection');
    await show(t, one.code, one.leadKey, reflectionSlide);
    await t.call('PUT', `/api/sessions/${one.code}/reflections/${reflectionSlide}/mine`, {
      key: ana.token,
      body: { text: 'I will call one family this week', shared: true },
    });
    await t.call('PUT', `/api/sessions/${one.code}/reflections/${reflectionSlide}/mine`, { key: ben.token, body: { text: 'Private note', shared: false } });

    // The coach reads the checklist and marks it; only the coach may.
    const checklist = await t.call('GET', `/api/sessions/${one.code}/fidelity`, { key: one.coachKey });
    const ids = checklist.json.items.map((i: { id: string }) => i.id);
    expect(ids).toContain('deck-co-led');
    expect(ids).toContain(`activity-${reflectionSlide}`);
    expect(ids).toContain('slide-1');
    expect(
      (await t.call('PUT', `/api/sessions/${one.code}/fidelity/items/deck-co-led`, { key: one.leadKey, body: { mark: 'observed', comment: '' } })).status,
    ).toBe(403);
    await t.call('PUT', `/api/sessions/${one.code}/fidelity/items/deck-co-led`, { key: one.coachKey, body: { mark: 'observed', comment: 'Both led' } });
    await t.call('PUT', `/api/sessions/${one.code}/fidelity/items/slide-1`, { key: one.coachKey, body: { mark: 'partly', comment: 'Codes handed out late' } });
    expect((await t.call('PUT', `/api/sessions/${one.code}/fidelity/items/no-such-item`, { key: one.coachKey, body: { mark: 'observed' } })).status).toBe(404);
    expect(
      (await t.call('POST', `/api/sessions/${one.code}/fidelity/notes`, { key: one.coachKey, body: { text: 'Give codes out at the door.' } })).status,
    ).toBe(201);
    const marked = await t.call('GET', `/api/sessions/${one.code}/fidelity`, { key: one.leadKey });
    expect(marked.json).toMatchObject({ score: 75, marked: 2, notes: [{ text: 'Give codes out at the door.' }] });
    // The coach follows read-only: no slide moves.
    expect((await t.call('PUT', `/api/sessions/${one.code}/presentation/slide`, { key: one.coachKey, body: { slide: 2 } })).status).toBe(403);

    // The report: attendance, products, reflections shared only, fidelity, questions; co-facilitators named.
    const report = await t.call('GET', `/api/sessions/${one.code}/report?lang=en`, { key: one.supportKey });
    const text = JSON.stringify(report.json.report);
    expect(text).toContain('Rosa Díaz (parent)');
    expect(text).toContain('2 people — Parents and families: 1, Teachers: 1');
    expect(text).toContain('We listen without judging');
    expect(text).toContain('I will call one family this week');
    expect(text).not.toContain('Private note');
    expect(text).not.toContain('Ana');
    expect(text).toContain('75% (2 of');
    expect(text).toContain('Can conferences be held in the evening?');
    expect(text).toContain('District Leadership Team');

    // Leadership answers; the answer is in session 1's log and shown at session 2's start.
    expect(
      (await t.call('PUT', `/api/sessions/${one.code}/leadership/answers/${questionId}`, { key: ana.token, body: { text: 'x', team: 'BLT' } })).status,
    ).toBe(403);
    await t.call('PUT', `/api/sessions/${one.code}/leadership/answers/${questionId}`, {
      key: one.leadKey,
      body: { text: 'Yes: two evenings in November.', team: 'Building Leadership Team' },
    });

    const two = await openSession(t, programId, 2);
    const carried = t.registry.get(two.code)!.runtime.state.carriedOver!;
    expect(carried.groupAgreements).toEqual(['We listen without judging']);
    expect(carried.questions).toEqual([
      { id: questionId, text: 'Can conferences be held in the evening?', answer: expect.objectContaining({ text: 'Yes: two evenings in November.' }) },
    ]);
    expect(carried.reflections).toEqual(['I will call one family this week']);
    // The wall's title in each of the deck's languages, for a projector that shows two.
    expect(carried.walls.find((w) => w.id === 'agreements')?.titles).toEqual({ en: 'How we work together', es: 'Cómo trabajamos juntos' });

    // Ana comes back with her code (typed in lower case with a dash); a newcomer gets a code.
    const ana2 = await t.joinAs(two.code, 'Ana', 'parent');
    const typed = `${anaCode.json.code.slice(0, 3).toLowerCase()}-${anaCode.json.code.slice(3)}`;
    expect((await t.call('POST', `/api/sessions/${two.code}/attendance`, { key: ana2.token, body: { returningCode: typed } })).json).toEqual({
      code: anaCode.json.code,
      returning: true,
    });
    const cara = await t.joinAs(two.code, 'Cara', 'teacher');
    expect((await t.call('POST', `/api/sessions/${two.code}/attendance`, { key: cara.token, body: { returningCode: 'ZZZZZZ' } })).status).toBe(404);
    expect((await t.call('POST', `/api/sessions/${two.code}/attendance`, { key: cara.token, body: {} })).json.returning).toBe(false);

    // A question of session 1 answered after session 2 opened reaches session 2 too.
    await t.call('PUT', `/api/sessions/${one.code}/leadership/answers/${questionId}`, {
      key: one.supportKey,
      body: { text: 'Yes: three evenings.', team: 'District Leadership Team' },
    });
    expect(t.registry.get(two.code)!.runtime.state.carriedOver!.questions[0].answer).toMatchObject({
      text: 'Yes: three evenings.',
      team: 'District Leadership Team',
    });

    // A restart replays the program and both sessions.
    const again = t.restart();
    t = again;
    const program = again.programs.get(programId)!;
    expect([...program.sessions.keys()]).toEqual([1, 2]);
    expect(again.registry.get(two.code)!.runtime.state.returningCount).toBe(1);
    expect(again.registry.get(two.code)!.runtime.state.facilitators.lead).toEqual({ name: 'Rosa Díaz', role: 'parent' });
  });

  it('refuses to open a session twice, a placeholder, or without the operator key', async () => {
    t = testApp();
    const programId = await startProgram(t, 'Lincoln Elementary');
    await openSession(t, programId, 1);
    const body = { facilitators: { lead: null, support: null } };
    expect((await t.call('POST', `/api/programs/${programId}/sessions/1`, { key: t.operatorKey, body })).status).toBe(409);
    const m1 = await t.call('POST', '/api/programs', { key: t.operatorKey, body: { seriesId: 'building-partnerships', schoolName: 'Lincoln' } });
    expect((await t.call('POST', `/api/programs/${m1.json.id}/sessions/2`, { key: t.operatorKey, body })).json.error.code).toBe('placeholder_session');
    expect((await t.call('POST', `/api/programs/${programId}/sessions/2`, { body })).status).toBe(401);
  });
});

describe('the district view', () => {
  it('shows every school side by side to the coordinator only, and exports every record as one archive of JSON and CSV', async () => {
    t = testApp();
    const link = await t.call('GET', '/api/district/link', { key: t.operatorKey });
    const coordinatorKey = /#key=(.+)$/.exec(link.json.link)![1];
    const lincoln = await startProgram(t, 'Lincoln Elementary');
    const garfield = await startProgram(t, 'Garfield Middle');
    const one = await openSession(t, lincoln, 1);
    await t.joinAs(one.code, 'Ana', 'parent');
    await openSession(t, garfield, 1);

    expect((await t.call('GET', '/api/district/overview', { key: one.leadKey })).status).toBe(401);
    const overview = await t.call('GET', '/api/district/overview', { key: coordinatorKey });
    expect(overview.status).toBe(200);
    const schools = overview.json.programs.map((p: { schoolName: string; sessions: { status: string }[] }) => [
      p.schoolName,
      p.sessions.map((s) => s.status).join(','),
    ]);
    expect(schools).toEqual([
      ['Lincoln Elementary', 'done,planned,planned,planned,planned,planned,planned,planned'],
      ['Garfield Middle', 'done,planned,planned,planned,planned,planned,planned,planned'],
    ]);
    expect(overview.json.programs[0].sessions[0].record.attendance.people).toBe(1);
    expect(overview.json.programs[0].sessions[1].plannedDate).toBe('2026-10-12');

    const res = await t.app.request('/api/district/export.zip', { headers: { authorization: `Bearer ${coordinatorKey}` } });
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files).sort();
    expect(names).toContain('sessions.csv');
    expect(names).toContain('programs.json');
    expect(names.filter((n) => n.endsWith('/session.json'))).toHaveLength(2);
    expect(names.filter((n) => n.endsWith('/cards.csv'))).toHaveLength(2);
    const csv = strFromU8(files['sessions.csv']).split(/\r?\n/);
    expect(csv[0]).toBe(
      'district,school,series,model,session,status,planned_date,code,lead,support,people,returning,feedback_responses,fidelity_score,questions,answered',
    );
    expect(csv.filter((l) => l.includes('Lincoln Elementary'))).toHaveLength(8);
    // The archive is a real zip: the system's unzip lists it too.
    const dir = mkdtempSync(join(tmpdir(), 'pd-zip-'));
    writeFileSync(
      join(dir, 'a.zip'),
      files['sessions.csv'].length
        ? new Uint8Array(await (await t.app.request('/api/district/export.zip', { headers: { authorization: `Bearer ${coordinatorKey}` } })).arrayBuffer())
        : new Uint8Array(),
    );
    expect(
      execFileSync('python3', ['-c', 'import zipfile,sys; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))', join(dir, 'a.zip')])
        .toString()
        .trim(),
    ).toBe(String(names.length));
  });
});
