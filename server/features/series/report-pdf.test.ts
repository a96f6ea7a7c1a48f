import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../../tests/unit/test-app.js';

let t: ReturnType<typeof testApp>;
afterEach(() => t?.close());

/** The PDF's text as pdftotext reads it (poppler-utils), as a leadership team's printer would see it. */
function pdfText(bytes: ArrayBuffer): { text: string; pages: number } {
  const file = join(mkdtempSync(join(tmpdir(), 'pd-report-')), 'report.pdf');
  writeFileSync(file, new Uint8Array(bytes));
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-']).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [file]).toString())![1]);
  return { text, pages };
}

describe('the feedback-loop report as a PDF', () => {
  it('prints one page with the attendance, the question to leadership and the co-facilitators, in English and in Spanish', async () => {
    t = testApp();
    const program = await t.call('POST', '/api/programs', {
      key: t.operatorKey,
      body: { seriesId: 'parent-teacher-partnerships', schoolName: 'Lincoln Elementary' },
    });
    const open = await t.call('POST', `/api/programs/${program.json.id}/sessions/1`, {
      key: t.operatorKey,
      body: { facilitators: { lead: { name: 'Rosa Díaz', role: 'parent' }, support: { name: 'Mr. Okafor', role: 'teacher' } } },
    });
    const { code, coachKey, leadKey } = open.json;
    const ana = await t.joinAs(code, 'Ana', 'parent');
    const slide = t.registry.get(code)!.runtime.deck.slides.filter((s) => s.activity?.kind === 'card')[1].number;
    await t.call('PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide } });
    await t.call('POST', `/api/sessions/${code}/cards`, { key: ana.token, body: { slide, text: 'Can conferences be held in the evening?' } });

    const en = await t.app.request(`/api/sessions/${code}/report/pdf?lang=en`, { headers: { authorization: `Bearer ${coachKey}` } });
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toBe('application/pdf');
    const english = pdfText(await en.arrayBuffer());
    expect(english.pages).toBe(1);
    expect(english.text).toContain('Session report');
    expect(english.text).toContain('Rosa Díaz (parent)');
    expect(english.text).toContain('Can conferences be held in the evening?');
    expect(english.text).toContain('Awaiting an answer');
    expect(english.text).not.toContain('Ana');

    const es = await t.app.request(`/api/sessions/${code}/report/pdf?lang=es`, { headers: { authorization: `Bearer ${leadKey}` } });
    const spanish = pdfText(await es.arrayBuffer());
    expect(spanish.text).toContain('Informe de la sesión');
    expect(spanish.text).toContain('Preguntas para el equipo de liderazgo');

    // A participant may not read it.
    expect((await t.app.request(`/api/sessions/${code}/report/pdf`, { headers: { authorization: `Bearer ${ana.token}` } })).status).toBe(403);
  }, 30_000);
});
