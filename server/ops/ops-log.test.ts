import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLogFiles, logFiles, openLogFiles } from './log-files.js';
import { OpsLog } from './ops-log.js';

describe('the operations log', () => {
  it('a flood of refusals is one line per interval with counts by route and status, and nothing when there were none', () => {
    const { log, lines } = OpsLog.memory();
    for (let i = 0; i < 5000; i++) log.countRefusal(429, 'POST /api/sessions/:code/stickers');
    log.countRefusal(429, 'POST /api/sessions/:code/participants');
    log.countRefusal(503, 'POST /api/sessions/:code/stickers');
    expect(lines()).toEqual([]);
    log.flushCounts();
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'warn',
        event: 'http.refusals',
        total: 5002,
        counts: { 'POST /api/sessions/:code/stickers': { '429': 5000, '503': 1 }, 'POST /api/sessions/:code/participants': { '429': 1 } },
      }),
    ]);
    // The next interval starts from nothing, and a quiet one writes nothing.
    log.flushCounts();
    expect(lines()).toHaveLength(1);
    log.countStreamDrop('7KQ2MX', 'participant');
    log.countStreamDrop('7KQ2MX', 'participant');
    log.countStreamDrop('7KQ2MX', 'support');
    log.flushCounts();
    expect(lines()[1]).toMatchObject({ event: 'streams.dropped', total: 3, counts: { '7KQ2MX': { participant: 2, support: 1 } } });
  });

  it('an unexpected error is written once per route and interval, without what its message quoted; every one is counted', () => {
    const printed: string[] = [];
    const { log, lines } = OpsLog.memory({ terminal: (message) => printed.push(message) });
    for (let i = 0; i < 3; i++) log.requestFailed('POST', '/api/sessions/:code/cards', new SyntaxError(`Unexpected token 'M', "My son lov"... is not valid JSON`));
    log.flushCounts();
    const failures = lines().filter((line) => line.event === 'request.failed');
    expect(failures).toEqual([
      expect.objectContaining({ level: 'error', method: 'POST', route: '/api/sessions/:code/cards', error: 'SyntaxError: Unexpected token …, …... is not valid JSON' }),
    ]);
    expect(failures[0].at).toMatch(/ops-log\.test\.ts:\d+/);
    expect(printed).toEqual(['Unexpected error on POST /api/sessions/:code/cards: SyntaxError: Unexpected token …, …... is not valid JSON']);
    expect(lines().find((line) => line.event === 'http.refusals')).toMatchObject({ total: 3, counts: { 'POST /api/sessions/:code/cards': { '500': 3 } } });
    expect(JSON.stringify(lines())).not.toContain('My son');
  });

  it('a key, a token or a participant’s words passed by mistake are censored', () => {
    const { log, lines } = OpsLog.memory();
    log.event('session.started', { code: 'ABCDEF', deckId: 'module-1', leadKey: 'lead.secret', token: 'p.secret', text: 'my words', authorization: 'Bearer x' } as never);
    expect(lines()[0]).toMatchObject({ event: 'session.started', code: 'ABCDEF', leadKey: '[never logged]', token: '[never logged]', text: '[never logged]', authorization: '[never logged]' });
    expect(JSON.stringify(lines())).not.toMatch(/secret|my words|Bearer/);
  });

  it('LOG_LEVEL leaves out what is less serious', () => {
    const { log, lines } = OpsLog.memory({ level: 'warn' });
    log.event('session.started', { code: 'ABCDEF', deckId: 'module-1' });
    log.event('session.set_aside', { code: 'ABCDEF', problem: 'deck_missing', seq: null, reason: 'its deck is gone' });
    expect(lines().map((line) => line.event)).toEqual(['session.set_aside']);
  });
});

describe('the log files', () => {
  it('roll over by size and keep only the newest files, also across restarts that never roll', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'partnerdeck-logs-')), 'logs');
    // Files left by earlier days, older than any the server writes now.
    const first = await openLogFiles({ dir, fileBytes: 2048, files: 3 });
    await closeLogFiles(first);
    for (const day of ['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-04']) writeFileSync(join(dir, `partnerdeck.${day}.1.log`), '{}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a log file');

    const destination = await openLogFiles({ dir, fileBytes: 2048, files: 3 });
    // Opening alone already removed the oldest beyond three.
    expect(logFiles(dir)).toHaveLength(3);
    const log = OpsLog.to(destination);
    for (let i = 0; i < 100; i++) {
      log.event('session.started', { code: `C${String(i).padStart(5, '0')}`, deckId: 'module-1' });
      // pino-roll rolls over once the file's write has drained.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await log.close();
    await closeLogFiles(destination);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const files = logFiles(dir);
    expect(files).toHaveLength(3);
    expect(files.every((name) => /^partnerdeck\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(name) && !name.includes('2020-'))).toBe(true);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('not a log file');
    const newest = readFileSync(join(dir, files[2]), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(newest.at(-1)).toMatchObject({ level: 'info', event: 'session.started', code: 'C00099', deckId: 'module-1' });
    // Each file stays near its size limit (a file rolls over after the write that reaches it).
    for (const name of files.slice(0, 2)) expect(readFileSync(join(dir, name)).length).toBeLessThan(2048 + 200);
  });
});
