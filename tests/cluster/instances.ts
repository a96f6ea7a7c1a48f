import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from '../postgres/throwaway-postgres.js';
import { ServerRun } from '../unit/server-run.js';

/**
 * Several real server processes (`node --import tsx server/index.ts`) on loopback, sharing
 * one fresh database on the Postgres that PD_TEST_DATABASE_URL names, each with its own
 * data folder (its log and its copy of the shared keys).
 */
export async function startInstances(count: number, serverUrl: string, envOf: (index: number) => Record<string, string> = () => ({})) {
  const database = await freshDatabase(serverUrl, 'cluster');
  const scratch = mkdtempSync(join(tmpdir(), 'partnerdeck-cluster-'));
  const runs = Array.from({ length: count }, (_, i) => new ServerRun(join(scratch, `instance-${i + 1}`), scratch, { DATABASE_URL: database.url, ...envOf(i) }));
  try {
    // Three servers compiling their TypeScript at once on a shared 2-core machine take a while.
    await Promise.all(runs.map((run) => run.ready(90_000)));
  } catch (error) {
    await Promise.all(runs.map((run) => run.kill()));
    throw error;
  }
  return {
    runs,
    database,
    async stop() {
      await Promise.all(runs.map((run) => run.kill()));
      await database.drop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  json: any;
  seq: number;
}

/** One request to one instance, with the key and Idempotency-Key given (a retry sends the same). */
export async function send(port: number, method: string, path: string, init: { key?: string; body?: unknown; op?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.op) headers['idempotency-key'] = init.op;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json, seq: Number(res.headers.get('x-log-seq') ?? -1) };
}

/** Sends until the answer is neither a network error nor a 5xx (as a phone's outbox retries), or `until`. */
export async function sendUntilAnswered(port: number, method: string, path: string, init: { key?: string; body?: unknown; op?: string }, until: number): Promise<Answer & { tries: number }> {
  for (let tries = 1; ; tries++) {
    try {
      const answer = await send(port, method, path, init);
      if (answer.status < 500 || Date.now() > until) return { ...answer, tries };
    } catch (error) {
      if (Date.now() > until) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
