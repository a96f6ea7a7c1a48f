import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../postgres/throwaway-postgres.js';
import { LiveStream } from '../load/sse-client.js';
import { send, sendUntilAnswered, startInstances } from './instances.js';

/**
 * README's proxy example (docs/nginx-partnerdeck.conf) in front of three instances, as it
 * is written: only the listen address and the three instances' addresses are replaced.
 * Runs where nginx is installed (it is not part of .ci/run) and PD_TEST_DATABASE_URL names
 * a Postgres server.
 */
const ROOT = join(import.meta.dirname, '../..');
const SERVER_URL = process.env.PD_TEST_DATABASE_URL ?? '';
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

let cluster: Awaited<ReturnType<typeof startInstances>> | null = null;
let nginx: ChildProcess | null = null;
let scratch = '';
const streams: LiveStream[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once('exit', resolve));
    nginx.kill('SIGTERM');
    await exited;
  }
  await cluster?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function startNginx(instancePorts: number[]): Promise<number> {
  scratch = mkdtempSync(join(tmpdir(), 'partnerdeck-nginx-'));
  // nginx's workers run as an unprivileged user: they must reach the temporary folders.
  chmodSync(scratch, 0o777);
  const port = await freePort();
  let example = readFileSync(join(ROOT, 'docs/nginx-partnerdeck.conf'), 'utf8');
  const servers = [...example.matchAll(/server 10\.0\.0\.\d+:8080/g)];
  expect(servers).toHaveLength(3);
  servers.forEach((match, i) => (example = example.replace(match[0], `server 127.0.0.1:${instancePorts[i]}`)));
  example = example.replace('listen 80;', `listen 127.0.0.1:${port};`);
  const conf = join(scratch, 'nginx.conf');
  writeFileSync(
    conf,
    [
      `pid ${join(scratch, 'nginx.pid')};`,
      `error_log ${join(scratch, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(scratch, kind)};`),
      example,
      '}',
    ].join('\n'),
  );
  nginx = spawn(NGINX!, ['-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr!.on('data', (d) => (errors += d));
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return port;
    } catch {
      // not listening yet
    }
    if (nginx.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not start: ${errors}`);
}

describe.skipIf(!SERVER_URL || !NGINX)('README’s nginx example in front of three instances', () => {
  it('routes a session’s requests and stream through one address, and keeps them going when the owner is killed', { timeout: 120_000 }, async () => {
    cluster = await startInstances(3, SERVER_URL);
    const proxy = await startNginx(cluster.runs.map((run) => run.port));
    const created = await send(proxy, 'POST', '/api/sessions', { key: cluster.runs[0].operatorKey, body: { schoolName: 'Proxy School' }, op: 'start-via-proxy' });
    expect(created.status).toBe(201);
    const { code, leadKey } = created.json;
    expect((await send(proxy, 'PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide: 4 }, op: 'proxy-slide-04' })).status).toBe(200);

    let answers: { id: string }[] = [];
    const lead = new LiveStream({ port: proxy, code, key: leadKey, onFrame: (frame) => (answers = JSON.parse(frame.data).parts.answers ?? answers) });
    streams.push(lead);
    await lead.open();
    const joined = await send(proxy, 'POST', `/api/sessions/${code}/participants`, { body: { name: 'Rosa', group: 'parent' }, op: 'proxy-join-rosa' });
    expect(joined.status).toBe(201);
    const first = await send(proxy, 'POST', `/api/sessions/${code}/answers`, { key: joined.json.token, body: { slide: 4, text: 'a neighbour' }, op: 'proxy-answer-01' });
    expect(first.status).toBe(201);

    // Kill whichever instance owns the session.
    const held = await Promise.all(cluster.runs.map(async (run) => (await send(run.port, 'GET', '/healthz')).json.sessions));
    const owner = cluster.runs[held.indexOf(1)];
    await owner.kill();
    const killedAt = Date.now();
    const second = await sendUntilAnswered(proxy, 'POST', `/api/sessions/${code}/answers`, { key: joined.json.token, body: { slide: 4, text: 'an uncle' }, op: 'proxy-answer-02' }, killedAt + 15_000);
    expect(second.status).toBe(201);
    expect((Date.now() - killedAt) / 1000).toBeLessThanOrEqual(10);
    const until = Date.now() + 10_000;
    while (!(lead.lastViewAt > killedAt && lead.seq >= second.seq) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lead.seq).toBeGreaterThanOrEqual(second.seq);
    expect(answers.map((a) => a.id).toSorted()).toEqual([first.json.answerId, second.json.answerId].toSorted());
  });
});
