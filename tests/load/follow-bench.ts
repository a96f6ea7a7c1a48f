/**
 * Follow harness: `npm run bench -- --follow --participants 2000 [--changes 60] [--interval-ms 1000]
 *                  [--peer reveal-multiplex --peer-dir /tmp/rmx]`.
 *
 * N phones connect to the live stream and the lead moves the slide `--changes` times, one
 * every `--interval-ms`. For every change and every phone it takes the time from the
 * moment the lead sent the change to the moment the phone received the frame showing the
 * new slide. It reports, as one JSON line (the last line printed): p50/p99 of those times,
 * the server's CPU seconds from the first change until every phone had the last one, the
 * server's resident memory before the phones connected and with all of them connected
 * (and the difference per phone), the time until all were connected, and the bytes each
 * phone read off the wire during the changes. Per slide it also gives the spread (the
 * slides whose changes made the slowest frames, `slowest_slides`, with the slide's kind),
 * and per change the first phone's time (`first_frame_p50_ms`: the lead's request to the
 * first frame, the server's reaction before its fan-out spreads the rest).
 *
 * Without --peer it runs Partnerdeck (tests/load/server-process.ts: the real server, a
 * fresh data folder, a Module 1 session; phones join through the API, then open their
 * streams as the browser does, see sse-client.ts). With `--peer reveal-multiplex` it runs
 * the same job against reveal-multiplex, the follow-the-presenter server reveal.js users
 * run: see tests/load/peer-multiplex.ts. The harness never installs the peer; the README
 * says how (section "Load benchmark").
 */
import { RawHttpClient } from './raw-http-client.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pool, sendWithRetry, sleep, type RetryStats } from './http-client.js';
import { MultiplexPeer } from './peer-multiplex.js';
import { processCpuSeconds, processRssMb } from './proc-stats.js';
import { ServerProcess, webDirFor } from './server-process.js';
import { LiveStream } from './sse-client.js';
import { percentile } from './stats.js';

const { values: args } = parseArgs({
  options: {
    follow: { type: 'boolean', default: true },
    participants: { type: 'string', default: '2000' },
    changes: { type: 'string', default: '60' },
    'interval-ms': { type: 'string', default: '1000' },
    peer: { type: 'string' },
    'peer-dir': { type: 'string', default: '/tmp/rmx' },
  },
});
const N = Number(args.participants);
const CHANGES = Number(args.changes);
const INTERVAL_MS = Number(args['interval-ms']);
if (!Number.isInteger(N) || N < 1) throw new Error('--participants must be a whole number of at least 1');
if (!Number.isInteger(CHANGES) || CHANGES < 1) throw new Error('--changes must be a whole number of at least 1');
if (args.peer !== undefined && args.peer !== 'reveal-multiplex') throw new Error('--peer knows only reveal-multiplex');

const t0 = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}`);

/** What the harness needs of a system under test; one per system (Partnerdeck, the peer). */
export interface FollowTarget {
  name: string;
  /** Starts the server; resolves once it answers. */
  start(): Promise<void>;
  readonly pid: number;
  /** What must exist before phones connect (Partnerdeck: the participants join through the API). */
  prepare(phones: number): Promise<void>;
  /** Connects phone `index`; resolves once it is connected (Partnerdeck: holds its first view). */
  connectPhone(index: number, onSlide: (slide: number, at: number) => void): Promise<void>;
  /** Wire bytes phone `index` has read so far. */
  bytesOf(index: number): number;
  /** Moves the deck to `slide` (1-based); resolves when the change is sent (the peer) or answered (Partnerdeck). */
  moveTo(slide: number): Promise<void>;
  /** The number of slides to cycle through. */
  readonly slideCount: number;
  /** What kind of slide `slide` is (its activity's kind, or 'notes'), where the system knows. */
  kindOf?(slide: number): string;
  stop(): Promise<void>;
}

const tempDir = mkdtempSync(join(tmpdir(), 'partnerdeck-follow-'));
const target: FollowTarget = args.peer ? new MultiplexPeer(args['peer-dir'], tempDir) : partnerdeck(tempDir);
let exitCode = 0;
try {
  await target.start();
  log(`${target.name}: server pid ${target.pid}`);
  const rssBeforeMb = processRssMb(target.pid);
  const prepareStart = Date.now();
  await target.prepare(N);
  const prepareS = (Date.now() - prepareStart) / 1000;
  if (prepareS > 0.05) log(`prepared ${N} phones in ${prepareS.toFixed(1)} s`);

  // --- the phones connect ---------------------------------------------------------------
  // arrivals[change * N + phone]: when the phone got the frame showing that change's slide.
  const arrivals = new Float64Array(CHANGES * N).fill(Number.NaN);
  const sentAt = new Float64Array(CHANGES).fill(Number.NaN);
  /** The change under way, and which slide it shows; a frame counts for the first change whose slide it shows. */
  let current = -1;
  const slideOfChange = (change: number) => ((change + 1) % target.slideCount) + 1;
  const onSlide = (phone: number) => (slide: number, at: number) => {
    // The frame for change c may come after change c+1 was sent (a slow phone): look at both.
    for (const change of [current, current - 1]) {
      if (change < 0 || slideOfChange(change) !== slide) continue;
      const i = change * N + phone;
      if (Number.isNaN(arrivals[i])) arrivals[i] = at;
      return;
    }
  };
  const connectStart = Date.now();
  let connectedCount = 0;
  await pool([...Array(N).keys()], 200, async (phone) => {
    await target.connectPhone(phone, onSlide(phone));
    connectedCount++;
  });
  const allConnectedS = (Date.now() - connectStart) / 1000;
  log(`${connectedCount} phones connected in ${allConnectedS.toFixed(1)} s`);
  await sleep(1000);
  const rssConnectedMb = processRssMb(target.pid);

  // --- the lead moves the slide ----------------------------------------------------------
  const bytesBefore = Array.from({ length: N }, (_, phone) => target.bytesOf(phone));
  const cpuBefore = processCpuSeconds(target.pid);
  const firstAt = Date.now() + 200;
  for (let change = 0; change < CHANGES; change++) {
    const due = firstAt + change * INTERVAL_MS;
    if (due > Date.now()) await sleep(due - Date.now());
    current = change;
    sentAt[change] = Date.now();
    await target.moveTo(slideOfChange(change));
    if (change % 10 === 9) log(`${change + 1} changes sent`);
  }
  // Until every phone shows the last slide (or 10 s pass).
  const last = (CHANGES - 1) * N;
  const settleBy = Date.now() + 10_000;
  while (Date.now() < settleBy && arrivals.subarray(last, last + N).some(Number.isNaN)) await sleep(20);
  const cpuChangesS = processCpuSeconds(target.pid) - cpuBefore;
  const bytesDuring = Array.from({ length: N }, (_, phone) => target.bytesOf(phone) - bytesBefore[phone]).sort((a, b) => a - b);

  const latencies: number[] = [];
  /** Latencies by the slide the change went to, to see which changes make the slowest frames. */
  const bySlide = new Map<number, number[]>();
  /** Per change, the first phone's time: what the fan-out adds comes after it. */
  const firstFrames: number[] = [];
  let missed = 0;
  /** Slides some phone never showed, with how many phones missed them. */
  const missedSlides: Record<number, number> = {};
  for (let change = 0; change < CHANGES; change++) {
    let first = Infinity;
    for (let phone = 0; phone < N; phone++) {
      const at = arrivals[change * N + phone];
      if (Number.isNaN(at)) {
        missed++;
        missedSlides[slideOfChange(change)] = (missedSlides[slideOfChange(change)] ?? 0) + 1;
      } else {
        latencies.push(at - sentAt[change]);
        const slide = slideOfChange(change);
        const list = bySlide.get(slide) ?? [];
        list.push(at - sentAt[change]);
        bySlide.set(slide, list);
        first = Math.min(first, at - sentAt[change]);
      }
    }
    if (first < Infinity) firstFrames.push(first);
  }
  firstFrames.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  // The slides whose changes made the slowest frames: p50/p99/max over all their changes' frames.
  const slideRows = [...bySlide].map(([slide, list]) => {
    list.sort((a, b) => a - b);
    return { slide, kind: target.kindOf?.(slide) ?? '', p50: percentile(list, 0.5), p99: percentile(list, 0.99), max: list.at(-1) ?? 0 };
  });
  slideRows.sort((a, b) => b.p99 - a.p99);
  for (const row of slideRows.slice(0, 8)) log(`slide ${String(row.slide).padStart(2)} ${row.kind.padEnd(20)} p50 ${row.p50} / p99 ${row.p99} / max ${row.max} ms`);
  const result = {
    system: target.name,
    participants: N,
    connected: connectedCount,
    changes: CHANGES,
    interval_ms: INTERVAL_MS,
    p50_ms: percentile(latencies, 0.5),
    p99_ms: percentile(latencies, 0.99),
    max_ms: latencies.at(-1) ?? 0,
    first_frame_p50_ms: percentile(firstFrames, 0.5),
    missed_frames: missed,
    ...(missed > 0 ? { missed_slides: missedSlides } : {}),
    server_cpu_changes_s: round(cpuChangesS, 2),
    server_rss_before_mb: round(rssBeforeMb, 1),
    server_rss_connected_mb: round(rssConnectedMb, 1),
    server_rss_per_phone_kb: round(((rssConnectedMb - rssBeforeMb) * 1024) / N, 1),
    all_connected_s: round(allConnectedS, 2),
    joined_before_s: round(prepareS, 2),
    bytes_per_phone_changes: { p50: percentile(bytesDuring, 0.5), max: bytesDuring.at(-1) ?? 0, per_change: round(percentile(bytesDuring, 0.5) / CHANGES, 0) },
    slowest_slides: slideRows.slice(0, 5).map((r) => ({ slide: r.slide, ...(r.kind ? { kind: r.kind } : {}), p99_ms: r.p99, max_ms: r.max })),
    loadavg: loadavg().map((l) => round(l, 2)),
  };
  if (missed > 0) exitCode = 1;
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await target.stop();
  rmSync(tempDir, { recursive: true, force: true });
}
process.exit(exitCode);

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Partnerdeck as a follow target: a session on Module 1, phones that joined through the
 * API and hold their live streams; the lead moves the slide with PUT /presentation/slide
 * and the change counts as sent when the lead's request leaves (its answer comes after the
 * commit, which is part of what a phone waits for).
 */
function partnerdeck(dir: string): FollowTarget {
  const server = new ServerProcess(join(dir, 'data'), webDirFor(dir));
  const retryStats: RetryStats = { networkRetries: 0, throttled: 0, serverErrors: 0, refused: 0 };
  let api: RawHttpClient;
  let code = '';
  let leadKey = '';
  let slideCount = 0;
  let kinds: string[] = [];
  const streams: LiveStream[] = [];
  const tokens: string[] = [];
  let ops = 0;
  server.onUnexpectedExit = (message) => {
    console.error(message);
    process.exit(3);
  };
  return {
    name: 'partnerdeck',
    get pid() {
      return server.pid;
    },
    get slideCount() {
      return slideCount;
    },
    kindOf(slide) {
      return kinds[slide - 1] ?? '';
    },
    async start() {
      await server.start();
      api = new RawHttpClient(server.port, 64);
      const created = await api.send('POST', '/api/sessions', { key: server.operatorKey(), body: { deckId: 'module-1', schoolName: 'Follow Bench School' } });
      if (created.status !== 201) throw new Error(`could not start a session: ${created.status} ${JSON.stringify(created.json)}`);
      ({ code, leadKey } = created.json);
      const deck = (await api.send('GET', `/api/sessions/${code}/deck`, { key: leadKey })).json as { slides: { activity?: { kind: string } }[] };
      slideCount = deck.slides.length;
      kinds = deck.slides.map((slide) => slide.activity?.kind ?? 'notes');
    },
    async prepare(phones) {
      await pool([...Array(phones).keys()], 48, async (index) => {
        const reply = await sendWithRetry(
          api,
          'POST',
          `/api/sessions/${code}/participants`,
          { body: { name: `P${index}`, group: 'parent' }, op: `follow-join-${index}` },
          retryStats,
          Date.now() + 60_000,
        );
        if (!reply || reply.status !== 201) throw new Error(`phone ${index} could not join: ${reply?.status} ${JSON.stringify(reply?.json)}`);
        tokens[index] = reply.json.token;
      });
    },
    async connectPhone(index, onSlide) {
      // The phone's `slide` part starts with the slide's number (presentation-views.ts): a
      // frame shows slide S when it holds `"slide":{"slide":S,`; nothing else is parsed.
      const stream = new LiveStream({
        port: server.port,
        code,
        key: tokens[index],
        onFrame: (frame, at) => {
          const match = /"slide":\{"slide":(\d+),/.exec(frame.data);
          if (match) onSlide(Number(match[1]), at);
        },
      });
      streams[index] = stream;
      await stream.open();
    },
    bytesOf(index) {
      return streams[index]?.wireBytes ?? 0;
    },
    async moveTo(slide) {
      const reply = await sendWithRetry(
        api,
        'PUT',
        `/api/sessions/${code}/presentation/slide`,
        { key: leadKey, body: { slide }, op: `follow-move-${ops++}` },
        retryStats,
        Date.now() + 30_000,
      );
      if (!reply || reply.status >= 300) throw new Error(`the lead could not move to slide ${slide}: ${reply?.status} ${JSON.stringify(reply?.json)}`);
    },
    async stop() {
      for (const stream of streams) stream?.close();
      api?.close();
      await server.stop();
    },
  };
}
