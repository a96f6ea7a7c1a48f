import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The real server, started as `npm start` starts it (built pages, SQLite under a fresh data folder). */
export class TestServer {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly port: number,
    readonly dataDir: string,
    /** More environment for the server (another LOCALES_DIR or SLIDES_DIR). */
    readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const from = this.output.length;
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, PUBLIC_URL: this.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      try {
        // Ready once it serves and has printed its links (the banner follows the listen).
        if ((await fetch(`${this.url}/healthz`)).ok && this.output.slice(from).includes('listening on')) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start:\n${this.output}`);
  }

  /** Kills the process outright, as a crash would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** The start page link with the operator key, as the terminal printed it at the last start. */
  get operatorLink(): string {
    const links = [...this.output.matchAll(/Start page \(operator\):\s+(\S+)/g)];
    if (links.length === 0) throw new Error(`the server printed no start page link:\n${this.output}`);
    return links.at(-1)![1];
  }

  get operatorKey(): string {
    return new URL(this.operatorLink).hash.replace('#operator=', '');
  }

  /** Starts a session through the API, as the operator (of Module 1 unless `deckId` names another deck), and returns its code and keys. */
  async startSession(schoolName = 'Lincoln Elementary', deckId?: string) {
    const res = await fetch(`${this.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.operatorKey}` },
      body: JSON.stringify(deckId ? { schoolName, deckId } : { schoolName }),
    });
    return (await res.json()) as { code: string; leadKey: string; supportKey: string; links: { present: string; notes: string; remote: string; prepare: string; join: string } };
  }

  /** A write through the API, as a facilitator screen would send it. */
  async api(method: string, path: string, key: string, body?: unknown) {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'idempotency-key': `test-${Math.random().toString(36).slice(2)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: await res.json() };
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** A phone-sized browser context (390×844, touch), each one a separate person. */
export async function newPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  return { context, page };
}

/** Joins through the phone's own form, as a person who scanned the QR code would. */
export async function joinOnPhone(page: Page, joinUrl: string, name: string, group: string) {
  await page.goto(joinUrl);
  await page.getByLabel(/First name/).fill(name);
  await page.getByLabel('I am here as').selectOption({ label: group });
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText(`You joined as ${name}`)).toBeVisible();
}

/** A write through the API from a phone, with the identity the phone keeps, for seeding a room quickly. */
export async function phoneApi(page: Page, code: string, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ code, method, path, body }) => {
      const me = JSON.parse(localStorage.getItem(`pd-me:${code}`)!) as { token: string };
      const res = await fetch(`/api/sessions/${code}${path}`, {
        method,
        headers: { authorization: `Bearer ${me.token}`, 'idempotency-key': `seed-${crypto.randomUUID()}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    { code, method, path, body },
  );
}

/** A server on a fresh data folder for as long as `use` runs. */
async function freshServer(use: (server: TestServer) => Promise<void>): Promise<void> {
  const server = new TestServer(await freePort(), mkdtempSync(join(tmpdir(), 'partnerdeck-e2e-')));
  await server.start();
  await use(server);
  await server.kill();
}

/**
 * `server` is shared by every test a worker runs (in every file, until a test fails), so
 * it holds what earlier tests made. A test that reads everything a server holds (the
 * district view lists every program) takes `ownServer`: one for that test alone.
 */
export const test = base.extend<{ ownServer: TestServer; closeItsPages: void }, { server: TestServer }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: these have none.
  // eslint-disable-next-line no-empty-pattern
  server: [async ({}, use) => freshServer(use), { scope: 'worker' }],
  // eslint-disable-next-line no-empty-pattern
  ownServer: async ({}, use) => freshServer(use),
  /**
   * Every browser context a test opened (its phones, projectors, notes views) is closed when
   * it ends. The browser lives as long as the worker: left open, each test's pages kept their
   * streams, clocks and page turns running through every later test (37 pages were open by
   * the middle of a run, and a test timed out behind them). Failure screenshots are taken
   * before this runs.
   */
  closeItsPages: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});

export { expect };
