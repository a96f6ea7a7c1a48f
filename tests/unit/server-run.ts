import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { webDirFor } from '../load/server-process.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * `server/index.ts` as its own process, as `npm start` runs it (one node process, so a
 * SIGKILL really kills it), with everything it prints to the terminal kept in `output`.
 */
export class ServerRun {
  output = '';
  port = 0;
  readonly child: ChildProcess;
  /** The exit code once it has exited (null while running; the signal's name if killed). */
  exit: Promise<number | string>;

  /** `env` adds to or overrides the settings below. */
  constructor(dataDir: string, scratchDir: string, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: ROOT,
      // Tests seed rooms from one address, faster than the per-address limit allows.
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIR: webDirFor(scratchDir), PUBLIC_URL: '', ADDRESS_RATE_PER_SECOND: '100000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    this.exit = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves once the server listens and has printed its banner; rejects if it exits first. */
  async ready(withinMs = 20_000): Promise<this> {
    const deadline = Date.now() + withinMs;
    let exited: number | string | null = null;
    void this.exit.then((code) => (exited = code));
    while (Date.now() < deadline) {
      const match = /listening on (\d+)/.exec(this.output);
      if (match) {
        this.port = Number(match[1]);
        return this;
      }
      if (exited !== null) throw new Error(`server exited (${exited}) before listening:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server did not start:\n${this.output}`);
  }

  /** The operator key from the start page link the server printed. */
  get operatorKey(): string {
    const match = /#operator=(\S+)/.exec(this.output);
    if (!match) throw new Error(`no start page link printed:\n${this.output}`);
    return match[1];
  }

  async api(method: string, path: string, init: { key?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = { 'idempotency-key': `run-${Math.random().toString(36).slice(2)}` };
    if (init.key) headers.authorization = `Bearer ${init.key}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`http://127.0.0.1:${this.port}${path}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await res.text();
    let json: any = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, json };
  }

  /** SIGTERM: the server's own shutdown runs and the store is closed (its WAL folded into the file). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exit;
  }

  /** SIGKILL, as a crash or a pulled plug of the process would. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exit;
  }
}

/** Starts a server on a data folder and waits until it is ready. */
export function startServer(dataDir: string, scratchDir: string): Promise<ServerRun> {
  return new ServerRun(dataDir, scratchDir).ready();
}
