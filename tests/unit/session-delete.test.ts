import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApp } from './test-app.js';

/** Everything the data folder holds, as one string, to look for any trace of a session. */
function dataFolderText(dataDir: string): string {
  return readdirSync(dataDir)
    .map((file) => readFileSync(join(dataDir, file)).toString('latin1'))
    .join('\n');
}

describe('deleting a session (schools’ data-retention rules)', () => {
  it('erases the session’s log, answers, cards, stickers and names from the disk; other sessions stay', async () => {
    const t = testApp();
    const gone = await t.startSession('Erase Me Elementary');
    const kept = await t.startSession('Keep Me Middle');
    const person = await t.joinAs(gone.code, 'Zelda-Unique-Name');
    const other = await t.joinAs(kept.code, 'Kept-Person');
    await t.showSlide(gone.code, gone.leadKey, 11);
    await t.showSlide(kept.code, kept.leadKey, 11);
    const card = await t.call('POST', `/api/sessions/${gone.code}/cards`, { key: person.token, body: { slide: 11, text: 'SECRET-CARD-TEXT-4711 we listen' } });
    expect(card.status).toBe(201);
    expect((await t.call('POST', `/api/sessions/${kept.code}/cards`, { key: other.token, body: { slide: 11, text: 'KEPT-CARD-TEXT' } })).status).toBe(201);
    expect(dataFolderText(t.dataDir)).toContain('SECRET-CARD-TEXT-4711');

    const res = await t.call('DELETE', `/api/sessions/${gone.code}`, { key: t.operatorKey });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ deleted: true });

    // Gone for every role and every route, and its keys no longer work.
    expect((await t.call('GET', `/api/sessions/${gone.code}`)).status).toBe(404);
    expect((await t.call('GET', `/api/sessions/${gone.code}/exports/session.json`, { key: gone.leadKey })).status).toBe(404);
    expect((await t.call('POST', `/api/sessions/${gone.code}/participants`, { body: { name: 'Late', group: 'parent' } })).status).toBe(404);
    // Not a byte of it left in the database files (secure_delete, and the WAL emptied).
    const text = dataFolderText(t.dataDir);
    for (const trace of ['SECRET-CARD-TEXT-4711', 'Zelda-Unique-Name', 'Erase Me Elementary', gone.code]) expect(text).not.toContain(trace);
    expect(text).toContain('KEPT-CARD-TEXT');

    // A restart replays only what is left.
    const again = t.restart();
    expect(again.registry.get(gone.code)).toBeUndefined();
    expect([...again.registry.get(kept.code)!.runtime.state.cards.values()].map((c) => c.text)).toEqual(['KEPT-CARD-TEXT']);
    again.close();
  });

  it('only the operator may delete: lead 403, support 403, participant 403, no key 401, and nothing is deleted', async () => {
    const t = testApp();
    const s = await t.startSession();
    const p = await t.joinAs(s.code, 'Ana');
    expect((await t.call('DELETE', `/api/sessions/${s.code}`, { key: s.leadKey })).status).toBe(403);
    expect((await t.call('DELETE', `/api/sessions/${s.code}`, { key: s.supportKey })).status).toBe(403);
    expect((await t.call('DELETE', `/api/sessions/${s.code}`, { key: p.token })).status).toBe(403);
    expect((await t.call('DELETE', `/api/sessions/${s.code}`)).status).toBe(401);
    expect((await t.call('GET', `/api/sessions/${s.code}`)).status).toBe(200);
    t.close();
  });
});
