import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../tests/unit/test-app.js';

type App = ReturnType<typeof testApp>;
let apps: App[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

/** A short workshop through the API: a word cloud, groups with notes, a poll, reflections (one private), feedback. */
async function workshop() {
  const t = testApp();
  apps.push(t);
  const s = await t.startSession('Lincoln Elementary');
  const base = `/api/sessions/${s.code}`;
  const people = [await t.joinAs(s.code, 'Ana', 'parent'), await t.joinAs(s.code, 'Ben', 'teacher'), await t.joinAs(s.code, 'Cruz', 'parent')];
  const as = (i: number) => ({ key: people[i].token });
  await t.showSlide(s.code, s.leadKey, 4);
  await t.call('POST', `${base}/answers`, { ...as(0), body: { slide: 4, text: 'Grandparents' } });
  await t.showSlide(s.code, s.leadKey, 13);
  await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey });
  for (let i = 0; i < 3; i++) await t.call('POST', `${base}/lineup/answers`, { ...as(i), body: { month: i + 1, day: 1 } });
  await t.call('POST', `${base}/lineup/slides/13/groups`, { key: s.leadKey });
  await t.showSlide(s.code, s.leadKey, 14);
  await t.call('POST', `${base}/round-robin/14/start`, { key: s.leadKey });
  for (let i = 0; i < 3; i++) await t.call('PUT', `${base}/round-robin/14/notes`, { ...as(i), body: { text: 'We listen first.' } });
  await t.showSlide(s.code, s.leadKey, 18);
  await t.call('PUT', `${base}/activities/18`, { key: s.leadKey, body: { open: true } });
  await t.call('PUT', `${base}/polls/18/vote`, { ...as(0), body: { choices: ['respect'] } });
  await t.call('PUT', `${base}/polls/18/vote`, { ...as(1), body: { choices: ['respect', 'authority'] } });
  await t.showSlide(s.code, s.leadKey, 26);
  await t.call('PUT', `${base}/reflections/26/mine`, { ...as(0), body: { text: 'We found common ground.', shared: true } });
  await t.call('PUT', `${base}/reflections/26/mine`, { ...as(1), body: { text: 'My private worry.', shared: false } });
  await t.showSlide(s.code, s.leadKey, 28);
  await t.call('PUT', `${base}/feedback/28/mine`, { ...as(2), body: { ratings: { voice: 5 }, comments: { 'worked-well': 'The small groups' } } });
  return { t, s, base };
}

describe('records', () => {
  it('export the word cloud, poll results, shared reflections (never private ones), the groups’ notes and attendance by group', async () => {
    const { t, s, base } = await workshop();
    const get = async (file: string) => {
      const res = await t.app.request(`${base}/exports/${file}`, { headers: { authorization: `Bearer ${s.supportKey}` } });
      expect(res.status, file).toBe(200);
      return res.text();
    };
    expect(await get('answers.csv')).toContain('Grandparents,parent');
    expect(await get('polls.csv')).toMatch(/18,.*,2,Respect,true,2\r\n/);
    const reflections = await get('reflections.csv');
    expect(reflections).toContain('We found common ground.');
    expect(reflections).not.toContain('My private worry.');
    expect(await get('session.json')).not.toContain('My private worry.');
    expect(await get('group-notes.csv')).toContain('We listen first.');
    expect(await get('attendance.csv')).toBe('group,people\r\nparent,2\r\nteacher,1\r\nclassified,0\r\nadministrator,0\r\ncommunity,0\r\nstudent,0\r\n');
    // Not for participants.
    const person = await t.joinAs(s.code, 'Dee', 'student');
    expect((await t.app.request(`${base}/exports/attendance.csv`, { headers: { authorization: `Bearer ${person.token}` } })).status).toBe(403);
  });

  it('print a one-page session summary a principal can read: who took part, the agreement, the feedback, the pacing', async () => {
    const { t, s, base } = await workshop();
    await t.call('PUT', `${base}/agreement`, { key: s.leadKey, body: { definition: 'Families and staff plan together.', agreements: ['Listen first'] } });
    const res = await t.app.request(`${base}/exports/summary.pdf`, { headers: { authorization: `Bearer ${s.leadKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(text).toContain('Lincoln Elementary');
    expect(text).toContain('Session summary');
    expect(text).toContain('3 people: 2 parents and families, 1 teacher.');
    expect(text).toContain('Families and staff plan together.');
    expect(text).toContain('Listen first');
    expect(text).toContain('1 response');
    expect(text).toContain('The small groups');
    expect(text).toMatch(/minutes of 120 planned|minutes of \d+ planned/);
    const pages = execFileSync('pdfinfo', ['-'], { input: pdf }).toString().match(/Pages:\s+(\d+)/)?.[1];
    expect(pages).toBe('1');
    // For looking at it: SUMMARY_PDF=/tmp/x.pdf keeps the file.
    if (process.env.SUMMARY_PDF) writeFileSync(process.env.SUMMARY_PDF, pdf);

    // A Spanish-speaking facilitator's download: the summary's own words in Spanish, what people wrote as written.
    const es = await t.app.request(`${base}/exports/summary.pdf?lang=es`, { headers: { authorization: `Bearer ${s.leadKey}` } });
    expect(es.status).toBe(200);
    const spanish = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await es.arrayBuffer()) }).toString();
    expect(spanish).toContain('Resumen de la sesión');
    expect(spanish).toContain('3 personas: 2 madres, padres y familias, 1 docente.');
    expect(spanish).toContain('Families and staff plan together.');
    expect(spanish).toContain('1 respuesta');
    expect(spanish).not.toContain('Session summary');
  });
});
