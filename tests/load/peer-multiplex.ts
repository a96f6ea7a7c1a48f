import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FollowTarget } from './follow-bench.js';

/**
 * reveal-multiplex 0.1.0 as a follow target (the server reveal.js users run so that the
 * audience's screens follow the presenter): express and socket.io 2. The presenter asks
 * GET /token for a secret and its socket id, then emits 'multiplex-statechanged' with the
 * secret and the deck's state; the server checks the secret and broadcasts the state on
 * the socket id's event to every other socket. Followers are socket.io-client 2 sockets
 * from the peer's own install, on WebSocket only (the cheapest transport it offers; the
 * browser client would start with long polling and upgrade).
 *
 * It is loaded from `peerDir` (a scratch folder where it was installed from npm, see the
 * README); the harness never installs it.
 */
export class MultiplexPeer implements FollowTarget {
  readonly name = 'reveal-multiplex';
  /** The peer has no deck: the harness cycles through as many slides as Module 1 has. */
  readonly slideCount = 80;
  private child: ChildProcess | null = null;
  private port = 0;
  private io: any;
  private master: any;
  private secret = '';
  private socketId = '';
  private readonly followers: any[] = [];

  constructor(
    private readonly peerDir: string,
    private readonly scratchDir: string,
  ) {}

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  async start(): Promise<void> {
    const entry = join(this.peerDir, 'node_modules', 'reveal-multiplex', 'index.js');
    if (!existsSync(entry)) {
      throw new Error(`reveal-multiplex is not installed in ${this.peerDir}: mkdir ${this.peerDir} && cd ${this.peerDir} && npm init -y && npm install reveal-multiplex@0.1.0`);
    }
    this.io = createRequire(join(this.peerDir, 'package.json'))('socket.io-client');
    this.port = await freePort();
    // It serves its working folder as static files: an empty scratch folder.
    const cwd = join(this.scratchDir, 'multiplex-www');
    mkdirSync(cwd, { recursive: true });
    // Its secrets use crypto.createCipher('blowfish'), which Node 20 offers only with the legacy provider.
    const child = spawn(process.execPath, ['--openssl-legacy-provider', entry], { cwd, env: { ...process.env, PORT: String(this.port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('Multiplex running')) resolve();
      });
      child.stderr.on('data', (d) => (out += d));
      child.once('exit', (code) => reject(new Error(`reveal-multiplex exited (${code}):\n${out}`)));
    });
    const token = await (await fetch(`http://127.0.0.1:${this.port}/token`)).json();
    this.secret = token.secret;
    this.socketId = token.socketId;
    this.master = this.io(`http://127.0.0.1:${this.port}`, { forceNew: true, transports: ['websocket'] });
    await new Promise<void>((resolve) => this.master.once('connect', resolve));
  }

  async prepare(): Promise<void> {
    // Followers need nothing but the socket id.
  }

  connectPhone(index: number, onSlide: (slide: number, at: number) => void): Promise<void> {
    const socket = this.io(`http://127.0.0.1:${this.port}`, {
      forceNew: true,
      transports: ['websocket'],
      // A phone's own address, as sse-client.ts does for Partnerdeck's phones.
      localAddress: `127.0.0.${2 + (index % 250)}`,
    });
    this.followers[index] = socket;
    socket.on(this.socketId, (data: { state: { indexh: number } }) => onSlide(data.state.indexh + 1, Date.now()));
    return new Promise((resolve) => socket.once('connect', () => resolve()));
  }

  bytesOf(index: number): number {
    // The WebSocket's TCP socket (engine.io-client 3 on ws 7): bytes off the wire, framing included.
    return this.followers[index]?.io?.engine?.transport?.ws?._socket?.bytesRead ?? 0;
  }

  async moveTo(slide: number): Promise<void> {
    // What reveal.js's multiplex master sends: the deck's state (Reveal.getState()).
    this.master.emit('multiplex-statechanged', {
      secret: this.secret,
      socketId: this.socketId,
      state: { indexh: slide - 1, indexv: 0, indexf: undefined, paused: false, overview: false },
    });
  }

  async stop(): Promise<void> {
    for (const socket of this.followers) socket?.close();
    this.master?.close();
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
