import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/**
 * The real server as its own process (node --import tsx server/index.ts, one process so a
 * SIGKILL really kills it), on loopback, with a fresh data folder.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  port = 0;
  /** The highest peak resident memory (VmHWM) seen over every run of the server, in MB. */
  peakRssMb = 0;
  log = '';
  private stopping = false;
  onUnexpectedExit: ((message: string) => void) | null = null;
  /** Called with what the server prints on stdout after it is listening (its own log lines). */
  onOutput: ((text: string) => void) | null = null;

  /** `env` adds settings (DATABASE_URL, say) to the ones below. */
  constructor(
    readonly dataDir: string,
    private readonly webDir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  /** Starts the server; with port 0 it picks a free one, later starts reuse it. */
  async start(): Promise<void> {
    this.stopping = false;
    const env = {
      ...process.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      WEB_DIR: this.webDir,
      // Every simulated phone comes from 127.0.0.1: lift the per-address limit for joins
      // (the per-participant limit stays as it is).
      ADDRESS_RATE_PER_SECOND: '100000',
      PUBLIC_URL: 'http://127.0.0.1',
      ...this.env,
    };
    // The server runs with the same node flags as `npm start` (its heap limit, say), plus
    // BENCH_NODE_OPTIONS, e.g. "--cpu-prof" to profile it.
    const extra = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...startFlags(), ...extra, 'server/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stderr.on('data', (d) => (this.log += d));
    child.once('exit', (code, signal) => {
      if (!this.stopping && signal !== 'SIGKILL' && this.onUnexpectedExit) this.onUnexpectedExit(`server exited (${code ?? signal}):\n${this.log.slice(-3000)}`);
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d;
        const match = /listening on (\d+)/.exec(out);
        if (match) {
          this.port = Number(match[1]);
          child.stdout.off('data', onData);
          child.stdout.on('data', (more: Buffer) => this.onOutput?.(String(more)));
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}\n${this.log}`)));
    });
  }

  /** The operator key the server made in its data folder on first start (only the operator starts sessions). */
  operatorKey(): string {
    return readFileSync(join(this.dataDir, 'operator-key'), 'utf8').trim();
  }

  /** Whether the server process is alive. */
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  /** CPU seconds (user + system) used by earlier runs of the server. */
  private cpuBefore = 0;
  /** CPU seconds used by the server over every run so far. */
  cpuSeconds(): number {
    try {
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return this.cpuBefore + (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return this.cpuBefore;
    }
  }

  /** Reads the peak resident memory so far; call before the process ends. */
  samplePeak(): number {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.peakRssMb = Math.max(this.peakRssMb, kb / 1024);
    } catch {
      // the process is gone
    }
    return this.peakRssMb;
  }

  /** SIGKILL: no shutdown handler runs, as when a laptop crashes. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.samplePeak();
    this.cpuBefore = this.cpuSeconds();
    this.stopping = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.samplePeak();
    this.stopping = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * The server refuses to start without built pages. The bench drives only the API, so when
 * `npm run build` has not been run it points WEB_DIR at a placeholder page instead of
 * spending a minute on a build.
 */
export function webDirFor(tempDir: string): string {
  const built = join(ROOT, 'dist');
  if (existsSync(join(built, 'join.html'))) return built;
  const stub = join(tempDir, 'web');
  mkdirSync(stub, { recursive: true });
  for (const page of ['index.html', 'join.html', 'present.html', 'notes.html']) writeFileSync(join(stub, page), '<!doctype html><title>bench</title>');
  return stub;
}

/** The node flags of `npm start` (everything between `node` and `server/index.ts`). */
function startFlags(): string[] {
  const start: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const flags = /\bnode ((?:--?[\w-]+(?:[= ][\w./=-]+)? )*)server\/index\.ts/.exec(start)?.[1] ?? '--import tsx ';
  return flags.trim().split(/\s+/);
}
