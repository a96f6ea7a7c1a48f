/**
 * Load harness: `npm run bench -- --participants 2000 [--crash] [--stalled K] [--burst-seconds 10]`.
 *
 * Starts the real server on a free loopback port with a fresh data folder, creates a
 * Module 1 session and plays a district-sized room against it with real HTTP clients:
 * everyone joins and holds their live stream open, writes a card on every wall, and
 * during the gallery walk places all their stickers within the burst. A presenter and a
 * notes view hold their streams too. For every sticker it measures the time from sending
 * it to the moment the presenter's stream reflects it: each write's answer carries the
 * log position of its commit (X-Log-Seq) and each stream frame the position it shows
 * (`id:`). At the end it checks the stored tallies against what was acknowledged.
 *
 * --crash      SIGKILLs the server half-way through the burst and starts it again on the
 *              same data folder and port; clients reconnect and retry what got no answer
 *              with the same Idempotency-Key. Reports resume_s.
 * --stalled K  K participants stop reading their stream during the burst.
 * --database postgres
 *              The sessions in Postgres instead of SQLite: a throwaway cluster of Debian's
 *              postgresql (or the server PD_TEST_DATABASE_URL names), a fresh database.
 * --overload   Every phone sends over its own connection (as real phones do), so as many
 *              writes are open at the server as phones are writing, instead of the 1,024 the
 *              shared pools allow. Pick a burst at about twice what the machine can take
 *              (e.g. --participants 5000 --burst-seconds 20: 4,500 stickers/s): the server
 *              must refuse (503 + Retry-After) rather than queue. Phones retry with the same
 *              key for up to 3 minutes; the run checks lost 0 and duplicated 0 and reports
 *              the refusals: refused_503 (what the phones got) and shed (the server's count).
 * --max-in-flight N
 *              Starts the server(s) with MAX_IN_FLIGHT=N: with a small N a small run sheds too
 *              (the smoke test in npm test does that).
 * --instances N
 *              N instances on that one database (needs --database postgres). The session is
 *              started on the first, which owns it; phones, presenter and notes are spread
 *              over all of them and reach the owner through forwarding. With --crash the
 *              owner is killed and not restarted: another instance takes the session over,
 *              and the clients of the dead one move to the others (as a proxy's health
 *              checks would move them). Reports each instance's peak memory.
 *
 * The last line printed is one JSON object with the figures.
 *
 * --follow     runs the follow harness instead (tests/load/follow-bench.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RawHttpClient } from './raw-http-client.js';
import { FailoverRoute, pool, sendWithRetry, sleep, type Reply, type RetryStats, type Route } from './http-client.js';
import { freshDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../postgres/throwaway-postgres.js';
import { ServerProcess, webDirFor } from './server-process.js';
import { LiveStream, phoneAddress } from './sse-client.js';
import { lowerBound, percentile } from './stats.js';
import { listenOverflows } from './kernel-queues.js';
import { monitorEventLoopDelay } from 'node:perf_hooks';


// `--follow`: slide changes reaching every phone, against Partnerdeck or a peer (follow-bench.ts).
if (process.argv.includes('--follow')) {
  await import('./follow-bench.js');
}

const { values: args } = parseArgs({
  options: {
    participants: { type: 'string', default: '2000' },
    crash: { type: 'boolean', default: false },
    stalled: { type: 'string', default: '0' },
    'burst-seconds': { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    instances: { type: 'string', default: '1' },
    database: { type: 'string', default: 'sqlite' },
    overload: { type: 'boolean', default: false },
    'max-in-flight': { type: 'string' },
  },
});
const N = Number(args.participants);
const STALLED = Number(args.stalled);
const BURST_MS = Number(args['burst-seconds']) * 1000;
const CRASH = args.crash;
const OVERLOAD = args.overload;
/** How long one phone keeps retrying a write: overloaded, refusals can go on for a while. */
const GIVE_UP_MS = OVERLOAD ? 180_000 : 60_000;
/** The phones' writes go through WRITE_POOLS × SOCKETS_PER_POOL shared connections (without --overload). */
const WRITE_POOLS = 8;
const SOCKETS_PER_POOL = 128;
if (!Number.isInteger(N) || N < 2) throw new Error('--participants must be a whole number of at least 2');
if (!Number.isInteger(STALLED) || STALLED < 0 || STALLED > N) throw new Error('--stalled must be between 0 and --participants');
const INSTANCES = Number(args.instances);
const DATABASE = args.database;
if (DATABASE !== 'sqlite' && DATABASE !== 'postgres') throw new Error('--database is sqlite (the default) or postgres');
if (!Number.isInteger(INSTANCES) || INSTANCES < 1 || INSTANCES > 9) throw new Error('--instances must be a whole number from 1 to 9');
if (INSTANCES > 1 && DATABASE !== 'postgres') throw new Error('--instances above 1 needs --database postgres: the instances share one database');

const GROUPS = ['parent', 'teacher', 'classified', 'administrator', 'community', 'student'];
const t0 = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}`);

interface Participant {
  index: number;
  /** The instance(s) this phone talks to. */
  route: Route;
  id: string;
  token: string;
  stream: LiveStream;
  stalled: boolean;
  /** Card ids this person wrote, by wall. */
  cards: Map<string, string[]>;
  /** Bytes of the wall pages this phone read. */
  pageBytes: number;
  /** When the phone had the walk and its first wall's first page (0: not yet). */
  wallsAt: number;
  /** What the phone received from the slide change to showing the walls: the stream's patch and the first page. */
  firstViewBytes: number;
}

interface Write {
  sentAt: number;
  /** When the attempt that was answered went out (after refusals, the last retry). */
  acceptedSentAt: number;
  /** Attempts it took (refusals and network errors included). */
  attempts: number;
  ackAt: number;
  seq: number;
  status: number;
  id: string;
  error?: string;
}

const tempDir = mkdtempSync(join(tmpdir(), 'partnerdeck-bench-'));
const retryStats: RetryStats = { networkRetries: 0, throttled: 0, serverErrors: 0, refused: 0, throttledBy: {} };
const errors: string[] = [];
let exitCode = 0;

// With Postgres: a throwaway cluster (unless PD_TEST_DATABASE_URL names one) and a fresh database.
let postgres: ThrowawayPostgres | null = null;
let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;
if (DATABASE === 'postgres') {
  let serverUrl = process.env.PD_TEST_DATABASE_URL ?? '';
  if (!serverUrl) {
    postgres = await startThrowawayPostgres();
    serverUrl = postgres.url;
  }
  database = await freshDatabase(serverUrl, 'bench');
  log(`postgres: a fresh database on ${new URL(serverUrl).host}${postgres ? ' (a throwaway cluster)' : ''}`);
}
const releaseDatabase = async () => {
  await database?.drop().catch(() => {});
  database = null;
  postgres?.stop();
  postgres = null;
};
const webDir = webDirFor(tempDir);
const shedding: Record<string, string> = args['max-in-flight'] ? { MAX_IN_FLIGHT: args['max-in-flight'] } : {};
const servers = Array.from({ length: INSTANCES }, (_, i) =>
  database
    ? new ServerProcess(join(tempDir, `instance-${i + 1}`), webDir, { DATABASE_URL: database.url, ...shedding })
    : new ServerProcess(join(tempDir, 'data'), webDir, shedding),
);
/** The first instance: the session is started there, so it owns it (the one --crash kills). */
const server = servers[0];
const fleet = {
  cpuSeconds: () => servers.reduce((sum, s) => sum + s.cpuSeconds(), 0),
  samplePeak: () => Math.max(...servers.map((s) => s.samplePeak())),
  stop: () => Promise.all(servers.map((s) => s.stop())),
};

for (const s of servers) {
  s.onUnexpectedExit = (message) => {
    console.error(message);
    // The other instances and the throwaway database go too, then the bench ends.
    void fleet
      .stop()
      .then(releaseDatabase)
      .finally(() => process.exit(3));
  };
}
try {
  await Promise.all(servers.map((s) => s.start()));
  log(`${servers.map((s) => `server pid ${s.pid} on port ${s.port}`).join(', ')}; data in ${tempDir}`);
  // The phones' writes share keep-alive connections: WRITE_POOLS addresses of
  // SOCKETS_PER_POOL each (a real room's phones each hold their own; a thousand shared ones
  // cost the load generator far less). With a single pool of 192, a pause of the server's
  // (a collection, a phone update) left every write that fell due meanwhile waiting in the
  // load generator, out of the server's sight; the server then had 192 to answer before
  // the next came a round trip later, and at 10,000 phones the line never emptied. The
  // pools' addresses (127.0.1.x) are not the streams' (127.0.0.x): each address may hold
  // 256 connections (server/http/node-server.ts).
  const pools = servers.map((s) => Array.from({ length: WRITE_POOLS }, (_, k) => new RawHttpClient(s.port, SOCKETS_PER_POOL, `127.0.1.${k + 1}`)));
  const clients = pools.flat();
  /** With --overload: each phone's own connection (one per instance), from its own address. */
  const ownClients: RawHttpClient[] = [];
  const phoneClients = () => {
    const address = phoneAddress();
    const own = servers.map((s) => new RawHttpClient(s.port, 1, address));
    ownClients.push(...own);
    return own;
  };
  /** Phone i's way in: instance i (of the instances) first, the next ones if it goes away. */
  const routeFor = (i: number): Route => {
    const through = OVERLOAD && i > 0 ? phoneClients() : pools.map((pool) => pool[i % WRITE_POOLS]);
    return INSTANCES === 1 ? through[0] : new FailoverRoute(through, i % INSTANCES);
  };
  const portsFor = (i: number) => (INSTANCES === 1 ? undefined : servers.map((_, j) => servers[(i + j) % INSTANCES].port));
  const api = routeFor(0);
  const fail = (what: string, reply: Reply | null) => {
    errors.push(`${what}: ${reply ? `${reply.status} ${JSON.stringify(reply.json).slice(0, 200)}` : 'no answer'}`);
  };

  // --- the session and the facilitators' screens -------------------------------------
  const created = await api.send('POST', '/api/sessions', { key: server.operatorKey(), body: { deckId: 'module-1', schoolName: 'Bench Unified School District' } });
  if (created.status !== 201) throw new Error(`could not start a session: ${created.status} ${JSON.stringify(created.json)}`);
  const { code, leadKey, supportKey } = created.json as { code: string; leadKey: string; supportKey: string };
  const deck = (await api.send('GET', `/api/sessions/${code}/deck`, { key: leadKey })).json as { slides: { activity?: any }[] };
  const slideOf = (kind: string) => deck.slides.findIndex((s) => s.activity?.kind === kind) + 1;
  const cardSlide = slideOf('card');
  const twoSidedSlide = slideOf('two-sided-card');
  const gallerySlide = slideOf('gallery-walk');
  const answersSlide = slideOf('open-answers');
  const gallery = deck.slides[gallerySlide - 1]?.activity as { walls: string[]; stickersPerWall: number; maxPerCard: number } | undefined;
  const stickersReady = gallery !== undefined;

  const presenterSeqs: number[] = [];
  const presenterTimes: number[] = [];
  let presenterParts: Record<string, any> = {};
  const presenter = new LiveStream({
    port: server.port,
    ports: portsFor(1),
    code,
    key: leadKey,
    onFrame: (frame, at) => {
      // Frames arrive in log order; after a restart the log continues where it was.
      if (presenterSeqs.length === 0 || frame.seq >= presenterSeqs[presenterSeqs.length - 1]) {
        presenterSeqs.push(frame.seq);
        presenterTimes.push(at);
      }
      const parts = JSON.parse(frame.data).parts as Record<string, unknown>;
      presenterParts = frame.kind === 'view' ? parts : { ...presenterParts, ...parts };
    },
  });
  const notes = new LiveStream({ port: server.port, ports: portsFor(2), code, key: supportKey });
  await Promise.all([presenter.open(), notes.open()]);
  let opCounter = 0;
  const op = (label: string) => `bench-${label}-${(opCounter++).toString(36)}`;
  const lead = async (path: string, body: unknown) => {
    const reply = await sendWithRetry(api, 'PUT', `/api/sessions/${code}${path}`, { key: leadKey, body, op: op('lead') }, retryStats, Date.now() + 30_000);
    if (!reply || reply.status >= 300) fail(`lead ${path}`, reply);
    return reply?.seq ?? -1;
  };

  // --- everyone joins and opens their stream -----------------------------------------
  let phase = Date.now();
  const people: Participant[] = new Array(N);
  await pool([...Array(N).keys()], 48, async (index) => {
    const route = routeFor(index);
    const reply = await sendWithRetry(
      route,
      'POST',
      `/api/sessions/${code}/participants`,
      { body: { name: `P${index}`, group: GROUPS[index % GROUPS.length] }, op: op(`join${index}`) },
      retryStats,
      Date.now() + 60_000,
    );
    if (!reply || reply.status !== 201) return fail('join', reply);
    const { participantId, token } = reply.json;
    people[index] = {
      index,
      route,
      id: participantId,
      token,
      stream: new LiveStream({ port: server.port, ports: portsFor(index), code, key: token }),
      stalled: index < STALLED,
      cards: new Map(),
      pageBytes: 0,
      wallsAt: 0,
      firstViewBytes: 0,
    };
  });
  const joined = people.filter(Boolean);
  log(`${joined.length} joined in ${((Date.now() - phase) / 1000).toFixed(1)} s`);
  phase = Date.now();
  await pool(joined, 200, (p) => p.stream.open());
  const connected = joined.filter((p) => p.stream.views > 0).length;
  log(`${connected} participant streams open in ${((Date.now() - phase) / 1000).toFixed(1)} s`);
  for (const p of joined) p.stream.countRates = true;

  // --- a card on every wall ------------------------------------------------------------
  const cardsAcked = new Set<string>();
  const wallCards = new Map<string, { id: string; author: number }[]>();
  const writeCards = async (slide: number, body: (p: Participant) => object, walls: string[]) => {
    await lead('/presentation/slide', { slide });
    await pool(joined, 64, async (p) => {
      const reply = await sendWithRetry(p.route, 'POST', `/api/sessions/${code}/cards`, { key: p.token, body: body(p), op: op(`card${p.index}`) }, retryStats, Date.now() + 60_000);
      if (!reply || reply.status !== 201) return fail('card', reply);
      (reply.json.cardIds as string[]).forEach((id, i) => {
        cardsAcked.add(id);
        const wall = walls[i];
        p.cards.set(wall, [...(p.cards.get(wall) ?? []), id]);
        if (!wallCards.has(wall)) wallCards.set(wall, []);
        wallCards.get(wall)!.push({ id, author: p.index });
      });
    });
  };
  phase = Date.now();
  const cardActivity = deck.slides[cardSlide - 1].activity;
  const twoSided = deck.slides[twoSidedSlide - 1].activity;
  await writeCards(cardSlide, (p) => ({ slide: cardSlide, text: `Agreement ${p.index}: we listen to every voice 🙂` }), [cardActivity.wall]);
  await writeCards(
    twoSidedSlide,
    (p) => ({ slide: twoSidedSlide, front: `Definition ${p.index}: families and staff share responsibility`, back: `Example ${p.index}: teachers call home with good news` }),
    [twoSided.front.wall, twoSided.back.wall],
  );
  log(`${cardsAcked.size} cards written in ${((Date.now() - phase) / 1000).toFixed(1)} s`);

  // --- the burst: stickers in the gallery walk (or open answers until stickers exist) ----
  const writes: Write[] = [];
  type Shot = { path: string; body: unknown };
  let plan: (p: Participant) => Shot[];
  let burstKind: string;
  let wallsMs: number[] = [];
  if (stickersReady) {
    burstKind = 'stickers';
    // As a phone does: once its stream brings the walk (the slide change's patch), it reads
    // the first page of the first wall. "Showing the walls" is when that page arrived.
    const streamBytesBefore = joined.map((p) => p.stream.wireBytes);
    const slideSentAt = Date.now();
    const slideSeq = await lead('/presentation/slide', { slide: gallerySlide });
    log(`deck on the gallery walk (slide ${gallerySlide})`);
    await pool(joined, joined.length, async (p) => {
      if (!(await p.stream.reached(slideSeq, 60_000))) return;
      const reply = await sendWithRetry(api, 'GET', `/api/sessions/${code}/walls/${gallery.walls[0]}/pages/0`, { key: p.token, gzip: true }, retryStats, Date.now() + 60_000);
      if (!reply || reply.status !== 200) return fail('wall page', reply);
      p.wallsAt = Date.now();
      p.pageBytes += reply.wireBytes;
      p.firstViewBytes = p.stream.wireBytes - streamBytesBefore[p.index] + reply.wireBytes;
    });
    wallsMs = joined.filter((p) => p.wallsAt > 0).map((p) => p.wallsAt - slideSentAt).sort((a, b) => a - b);
    if (wallsMs.length < joined.length) errors.push(`${joined.length - wallsMs.length} phones never showed the walls`);
    log(`every phone shows the walls: p50 ${percentile(wallsMs, 0.5)} ms, last ${wallsMs.at(-1)} ms after the slide change`);
    plan = (p) =>
      gallery.walls.flatMap((wall) =>
        pickWhere(wallCards.get(wall) ?? [], gallery.stickersPerWall, (c) => c.author !== p.index).map((card) => ({ path: `/api/sessions/${code}/stickers`, body: { cardId: card.id } })),
      );
  } else {
    burstKind = 'answers (the deck has no gallery walk)';
    const slideSeq = await lead('/presentation/slide', { slide: answersSlide });
    plan = (p) => Array.from({ length: 5 }, (_, j) => ({ path: `/api/sessions/${code}/answers`, body: { slide: answersSlide, text: `helper ${p.index}-${j}` } }));
    await waitFor(() => joined.every((p) => p.stream.seq >= slideSeq), 30_000);
  }
  for (const p of joined) if (p.stalled) p.stream.pause();
  // Every phone's choices are made before the burst starts: made as each phone's first
  // sticker fell due, they held the load generator's one thread for seconds at 10,000
  // phones, and the first stickers then went out all at once, a line the server was still
  // working off when the burst ended.
  const plans = joined.map((p) => plan(p));
  // The write pools' connections are open before the burst, as the phones' own are by then
  // (they wrote their cards over them). Opened at the burst's start, a thousand arrived at
  // once, the server's per-address cap refused most, and in the 2,000 run the first stickers
  // of the pools that had to open the most waited 10 to 24 s (the p99 of that run).
  const warmed = await Promise.all(pools.flat().map((client) => client.warm(SOCKETS_PER_POOL)));
  log(`write pools: ${warmed.reduce((n, k) => n + k, 0)} connections open`);
  const burstStart = Date.now() + 200;
  const cpuAtBurst = { server: fleet.cpuSeconds(), bench: process.cpuUsage() };
  // The load generator's own lateness in the burst: a late generator stamps answers late,
  // so its figures say how far the latencies below are its own.
  const benchDelay = monitorEventLoopDelay({ resolution: 20 });
  benchDelay.enable();
  const overflowsAtBurst = listenOverflows();
  let killAt = 0;
  let restartedAt = 0;
  const crashed = CRASH
    ? (async () => {
        await sleep(burstStart + BURST_MS / 2 - Date.now());
        fleet.samplePeak();
        killAt = Date.now();
        await server.kill();
        if (INSTANCES > 1) {
          // The others take the session over; the dead instance's clients move to them.
          log(`the owner (pid ${server.pid}) killed (SIGKILL) mid-burst; not restarted`);
          return;
        }
        log('server killed (SIGKILL) mid-burst; starting it again on the same data folder');
        await server.start();
        restartedAt = Date.now();
        log(`server back after ${((restartedAt - killAt) / 1000).toFixed(1)} s (pid ${server.pid})`);
      })()
    : Promise.resolve();
  const progress = setInterval(() => {
    const done = writes.filter((w) => w.ackAt > 0).length;
    log(`burst: ${writes.length} sent, ${done} answered, presenter at ${presenter.seq} (${presenter.connects} connects, ${presenter.views} views), phones with a view since the ${INSTANCES > 1 ? 'takeover' : 'restart'} ${joined.filter((p) => p.stream.lastViewAt > killAt).length}, server ${Math.round(fleet.samplePeak())} MB peak`);
  }, 2000);
  await pool(joined, joined.length, async (p, i) => {
    const shots = plans[i];
    const step = BURST_MS / shots.length;
    for (let j = 0; j < shots.length; j++) {
      const due = burstStart + (j + Math.random()) * step;
      if (due > Date.now()) await sleep(due - Date.now());
      const write: Write = { sentAt: Date.now(), acceptedSentAt: 0, attempts: 0, ackAt: 0, seq: -1, status: 0, id: '' };
      writes.push(write);
      const reply = await sendWithRetry(p.route, 'POST', shots[j].path, { key: p.token, body: shots[j].body, op: op(`s${p.index}`) }, retryStats, Date.now() + GIVE_UP_MS);
      write.ackAt = Date.now();
      write.status = reply?.status ?? 0;
      if (!reply || reply.status !== 201) {
        fail(burstKind, reply);
        continue;
      }
      write.seq = reply.seq;
      write.acceptedSentAt = reply.sentAt;
      write.attempts = reply.attempts ?? 1;
      write.id = reply.json.stickerId ?? reply.json.answerId ?? '';
    }
  });
  await crashed;
  clearInterval(progress);
  benchDelay.disable();
  const overflowsInBurst = overflowsAtBurst === null ? null : (listenOverflows() ?? overflowsAtBurst) - overflowsAtBurst;
  const burstCpu = { server: fleet.cpuSeconds() - cpuAtBurst.server, bench: cpuTotal(process.cpuUsage(cpuAtBurst.bench)) };
  const burstEnd = largest(writes.map((w) => w.ackAt));
  log(`${writes.length} ${burstKind} sent in ${((burstEnd - burstStart) / 1000).toFixed(1)} s`);

  // --- settle: the presenter catches up, stalled clients read again -----------------
  const acked = writes.filter((w) => w.status === 201);
  const lastSeq = largest(acked.map((w) => w.seq));
  await waitFor(() => presenter.seq >= lastSeq, 10_000);
  const streamsCurrentAt = CRASH ? await resumeTime([presenter, notes, ...joined.filter((p) => !p.stalled).map((p) => p.stream)], killAt) : 0;
  const stalledBefore = joined.filter((p) => p.stalled).map((p) => p.stream.ends);
  for (const p of joined) if (p.stalled) p.stream.resume();
  // A phone gets a frame only when something it shows changed, so "current" means: as far
  // along the log as the phones that kept reading.
  const readingSeq = -largest(joined.filter((p) => !p.stalled).map((p) => -p.stream.seq));
  const stalledCurrent = await waitFor(() => joined.every((p) => !p.stalled || p.stream.seq >= readingSeq), 15_000);
  const stalledDropped = joined.filter((p, i) => p.stalled && p.stream.ends > (stalledBefore[i] ?? 0)).length;

  // --- a phone that joins during the walk: its first view and the first page --------------
  let lateViewBytes = 0;
  if (stickersReady) {
    const late = await sendWithRetry(api, 'POST', `/api/sessions/${code}/participants`, { body: { name: 'Late', group: 'parent' }, op: op('late') }, retryStats, Date.now() + 30_000);
    if (late?.status === 201) {
      // Through the instances still up: with --crash and several, the first is gone for good.
      const stream = new LiveStream({ port: server.port, ports: portsFor(1), code, key: late.json.token });
      await stream.open();
      const page = await sendWithRetry(api, 'GET', `/api/sessions/${code}/walls/${gallery.walls[0]}/pages/0`, { key: late.json.token, gzip: true }, retryStats, Date.now() + 30_000);
      lateViewBytes = stream.wireBytes + (page?.wireBytes ?? 0);
      stream.close();
    } else fail('late join', late);
  }

  // --- latency: send → the presenter's first frame at or past the write's log position ---
  /** Each acknowledged write's wait from `from(write)` to the presenter's first frame showing it, sorted (writes it never showed left out). */
  const toPresenter = (from: (w: Write) => number) =>
    acked
      .map((w) => {
        const i = lowerBound(presenterSeqs, w.seq);
        return i < presenterSeqs.length ? presenterTimes[i] - from(w) : Number.NaN;
      })
      .filter((ms) => !Number.isNaN(ms))
      .sort((a, b) => a - b);
  const latencies = toPresenter((w) => w.sentAt);
  // send → the write's own answer (the server's acknowledgement, without the presenter's frame).
  const ackLatencies = acked.map((w) => w.ackAt - w.sentAt).sort((a, b) => a - b);
  // The attempt the server took, from its sending to the presenter's frame: what a write
  // the server accepts waits there. The figures above count from the first attempt, so
  // they include a refused phone's waits before it tried again (spent on the phone, not
  // in the server's queues).
  const acceptedLatencies = toPresenter((w) => w.acceptedSentAt);
  const refusedWrites = acked.filter((w) => w.attempts > 1).length;
  const unseen = acked.length - latencies.length;
  if (unseen > 0) errors.push(`${unseen} acknowledged writes never reached the presenter's stream`);

  // --- final check: what is stored against what was acknowledged ------------------------
  const stored = await storedIds(api, code, leadKey, burstKind, presenterParts);
  const ackedIds = new Set(acked.map((w) => w.id));
  const lost = [...ackedIds].filter((id) => !stored.burst.has(id)).length + [...cardsAcked].filter((id) => !stored.cards.has(id)).length;
  // A sticker stored but never acknowledged, or one id acknowledged for two writes, is a duplicate.
  const duplicated = [...stored.burst].filter((id) => !ackedIds.has(id)).length + Math.max(0, stored.cards.size - cardsAcked.size) + (acked.length - ackedIds.size);
  if (stored.tallied !== stored.burstCount) errors.push(`the tallies count ${stored.tallied} stickers but ${stored.burstCount} are stored`);

  fleet.samplePeak();
  // With several instances: when a write sent after the kill was first acknowledged (the session taken over).
  const takenOverAt = acked.reduce((first, w) => (w.sentAt > killAt ? Math.min(first, w.ackAt) : first), Infinity);
  const phones = joined.filter((p) => !p.stalled).map((p) => p.stream);
  const phoneBytes = joined.map((p) => p.stream.wireBytes + p.pageBytes).sort((a, b) => a - b);
  const firstViews = joined.map((p) => p.firstViewBytes).sort((a, b) => a - b);
  const result = {
    participants: N,
    ...(OVERLOAD ? { overload: true, asked_per_s: Math.round((writes.length / BURST_MS) * 1000), answered_per_s: Math.round(acked.length / ((burstEnd - burstStart) / 1000)) } : {}),
    ...(INSTANCES > 1 || DATABASE !== 'sqlite' ? { instances: INSTANCES, database: DATABASE } : {}),
    connected,
    burst: burstKind,
    stickers_acked: burstKind === 'stickers' ? acked.length : 0,
    stickers_counted: burstKind === 'stickers' ? stored.tallied : 0,
    writes_acked: acked.length,
    writes_counted: stored.burstCount,
    cards_acked: cardsAcked.size,
    lost,
    duplicated,
    errors: errors.length,
    p50_ms: percentile(latencies, 0.5),
    p90_ms: percentile(latencies, 0.9),
    p99_ms: percentile(latencies, 0.99),
    max_ms: latencies.at(-1) ?? 0,
    accepted_p50_ms: percentile(acceptedLatencies, 0.5),
    accepted_p99_ms: percentile(acceptedLatencies, 0.99),
    accepted_max_ms: acceptedLatencies.at(-1) ?? 0,
    writes_retried: refusedWrites,
    ack_p50_ms: percentile(ackLatencies, 0.5),
    ack_p99_ms: percentile(ackLatencies, 0.99),
    ack_max_ms: ackLatencies.at(-1) ?? 0,
    burst_s: round((burstEnd - burstStart) / 1000),
    max_rss_mb: Math.round(largest(servers.map((s) => s.peakRssMb))),
    ...(INSTANCES > 1 ? { max_rss_mb_per_instance: servers.map((s) => Math.round(s.peakRssMb)) } : {}),
    phone_msgs_per_s_max: largest(phones.map((s) => s.maxPerSecond)),
    walls_p50_s: round(percentile(wallsMs, 0.5) / 1000),
    walls_max_s: round((wallsMs.at(-1) ?? 0) / 1000),
    first_view_kb_max: round((firstViews.at(-1) ?? 0) / 1024),
    late_join_view_kb: round(lateViewBytes / 1024),
    phone_kb_p50: round(percentile(phoneBytes, 0.5) / 1024),
    phone_kb_max: round((phoneBytes.at(-1) ?? 0) / 1024),
    ...(CRASH ? { resume_s: round((streamsCurrentAt - killAt) / 1000) } : {}),
    ...(CRASH && INSTANCES === 1 ? { restart_s: round((restartedAt - killAt) / 1000) } : {}),
    ...(CRASH && INSTANCES > 1 ? { takeover_s: round((takenOverAt - killAt) / 1000) } : {}),
    ...(STALLED ? { stalled: STALLED, stalled_dropped: stalledDropped, stalled_current: stalledCurrent } : {}),
    server_cpu_s_burst: round(burstCpu.server),
    bench_cpu_s_burst: round(burstCpu.bench),
    bench_lag_p99_ms: Math.round(benchDelay.percentile(99) / 1e6),
    bench_lag_max_ms: Math.round(benchDelay.max / 1e6),
    listen_overflows: overflowsInBurst,
    retries: retryStats.networkRetries + retryStats.serverErrors,
    throttled: retryStats.throttled,
    ...(retryStats.throttled > 0 ? { throttled_by: retryStats.throttledBy } : {}),
    refused_503: retryStats.refused,
    server_up: server.running,
  };
  console.log('');
  const where = INSTANCES > 1 ? `, ${INSTANCES} instances on Postgres` : DATABASE === 'postgres' ? ', on Postgres' : '';
  console.log(`Partnerdeck bench: ${N} participants${where}${CRASH ? `, ${INSTANCES > 1 ? 'the owner' : 'server'} killed mid-burst` : ''}${STALLED ? `, ${STALLED} stalled streams` : ''}${OVERLOAD ? ', overload (a connection per phone)' : ''}`);
  console.log(`  connected           ${connected} of ${N} phones, plus presenter and notes`);
  console.log(`  burst               ${acked.length} ${burstKind} acknowledged in ${result.burst_s} s; ${stored.burstCount} stored, ${stored.tallied} in the tallies`);
  console.log(`  cards               ${cardsAcked.size} acknowledged, ${stored.cards.size} stored`);
  console.log(`  lost / duplicated   ${lost} / ${duplicated}`);
  console.log(`  errors              ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}`);
  console.log(`  submit → presenter  p50 ${result.p50_ms} ms, p90 ${result.p90_ms} ms, p99 ${result.p99_ms} ms, max ${result.max_ms} ms`);
  console.log(`  submit → answer     p50 ${result.ack_p50_ms} ms, p99 ${result.ack_p99_ms} ms, max ${result.ack_max_ms} ms`);
  console.log(`  accepted → presenter p50 ${result.accepted_p50_ms} ms, p99 ${result.accepted_p99_ms} ms, max ${result.accepted_max_ms} ms (from the attempt the server took; ${refusedWrites} writes needed more than one)`);
  console.log(`  server peak memory  ${INSTANCES > 1 ? `${servers.map((s) => Math.round(s.peakRssMb)).join(' / ')} MB (per instance)` : `${result.max_rss_mb} MB`}`);
  console.log(`  CPU in the burst    server ${result.server_cpu_s_burst} s, load generator ${result.bench_cpu_s_burst} s (machine load average ${loadavg()[0].toFixed(1)})`);
  console.log(`  load generator      its event loop late p99 ${result.bench_lag_p99_ms} ms, max ${result.bench_lag_max_ms} ms; connections the kernel dropped from a full accept queue: ${result.listen_overflows ?? '?'}`);
  console.log(`  phone messages      at most ${result.phone_msgs_per_s_max} in any one second`);
  console.log(`  walls on the phones p50 ${result.walls_p50_s} s, every phone within ${result.walls_max_s} s of the slide change`);
  console.log(`  bytes per phone     whole run p50 ${result.phone_kb_p50} KB, max ${result.phone_kb_max} KB; first view of the walk at most ${result.first_view_kb_max} KB; a phone joining during the walk ${result.late_join_view_kb} KB`);
  if (CRASH && INSTANCES > 1) console.log(`  crash               session taken over, first write acknowledged ${result.takeover_s} s after the kill; every stream current ${result.resume_s} s after the kill`);
  else if (CRASH) console.log(`  crash               server back in ${result.restart_s} s; every stream current ${result.resume_s} s after the kill`);
  if (STALLED) console.log(`  stalled             ${STALLED} streams unread during the burst; ${stalledDropped} dropped by the server; all current again: ${stalledCurrent}`);
  console.log(`  retries             ${result.retries} (network or 5xx), ${result.throttled} answered 429, ${result.refused_503} refused with 503 (load shed) and retried`);
  console.log(`  server              ${result.server_up ? 'still up at the end' : 'NOT running at the end'}`);
  if (errors.length > 0) exitCode = 1;
  presenter.close();
  notes.close();
  for (const p of joined) p.stream.close();
  for (const client of [...clients, ...ownClients]) client.close();
  await fleet.stop();
  // The first instance's own figures (the session's owner; the only one without --instances).
  const load = serverLoad(join(server.dataDir, 'logs'));
  console.log(`  server heap         peak ${load?.heapPeakMb ?? '?'} MB of its ${load?.heapLimitMb ?? '?'} MB limit; shed ${JSON.stringify(load?.refused ?? {})}`);
  console.log(JSON.stringify({ ...result, heap_peak_mb: load?.heapPeakMb ?? null, heap_limit_mb: load?.heapLimitMb ?? null, shed: load?.refused ?? null }));
} catch (error) {
  console.error(error);
  for (const s of servers) console.error(s.log.slice(-2000));
  exitCode = 2;
  await fleet.stop();
} finally {
  await releaseDatabase();
  if (!args.keep) rmSync(tempDir, { recursive: true, force: true });
}
process.exit(exitCode);

// ---------------------------------------------------------------------------------------

/** The server's own figures as it stopped (its `server.load` log line): the heap's peak and limit, what it shed. */
function serverLoad(logDir: string): { heapPeakMb: number; heapLimitMb: number; refused: Record<string, number> } | null {
  try {
    const lines = readdirSync(logDir).flatMap((file) => readFileSync(join(logDir, file), 'utf8').split('\n'));
    const line = lines.filter((l) => l.includes('"server.load"')).at(-1);
    return line ? JSON.parse(line) : null;
  } catch {
    return null;
  }
}

/** The largest number (0 for none), without spreading 180,000 arguments onto the stack. */
function largest(values: number[]): number {
  let most = values.length > 0 ? -Infinity : 0;
  for (const value of values) if (value > most) most = value;
  return most;
}

/**
 * Up to `count` different items of `items`, at random, of those `allowed` (a phone's own
 * cards are not). Drawn by index, so a wall of 10,000 cards is not copied for each phone.
 */
function pickWhere<T>(items: T[], count: number, allowed: (item: T) => boolean): T[] {
  // Few items (a small test room): pick from the allowed ones themselves.
  if (items.length < count * 4) {
    const candidates = items.filter(allowed);
    return pickIndices(candidates.length, count).map((i) => candidates[i]);
  }
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const i = Math.floor(Math.random() * items.length);
    if (allowed(items[i])) chosen.add(i);
  }
  return [...chosen].map((i) => items[i]);
}

function pickIndices(length: number, count: number): number[] {
  const chosen = new Set<number>();
  const n = Math.min(count, length);
  while (chosen.size < n) chosen.add(Math.floor(Math.random() * length));
  return [...chosen];
}

function cpuTotal(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) return false;
    await sleep(50);
  }
  return true;
}

/** When every stream had a fresh full view from the restarted server. */
async function resumeTime(streams: LiveStream[], since: number): Promise<number> {
  await waitFor(() => streams.every((s) => s.lastViewAt > since && s.connects >= 2), 30_000);
  return largest(streams.map((s) => s.firstViewAfter(since) || Date.now()));
}

/**
 * What the server stored, read back as a facilitator would from the session's export:
 * every card, every sticker and the tallies (counted from the stickers, revealed or not).
 */
async function storedIds(api: Route, code: string, key: string, kind: string, parts: Record<string, any>) {
  // Through whichever instance still answers (after --crash with several, the first is gone).
  const reply = await sendWithRetry(api, 'GET', `/api/sessions/${code}/exports/session.json`, { key }, retryStats, Date.now() + 30_000);
  if (reply?.status !== 200) {
    errors.push(`export: ${reply?.status ?? 'no answer'}`);
    return { cards: new Set<string>(), burst: new Set<string>(), burstCount: 0, tallied: 0 };
  }
  const data = reply.json as { cards: { id: string }[]; stickers: { id: string }[]; tallies: { cards: { stickers: number }[] }[] };
  const cards = new Set(data.cards.map((c) => c.id));
  if (kind === 'stickers') {
    const tallied = data.tallies.reduce((sum, wall) => sum + wall.cards.reduce((n, c) => n + c.stickers, 0), 0);
    return { cards, burst: new Set(data.stickers.map((s) => s.id)), burstCount: data.stickers.length, tallied };
  }
  const answers = (parts.answers ?? []) as { id: string }[];
  return { cards, burst: new Set(answers.map((a) => a.id)), burstCount: answers.length, tallied: answers.length };
}
