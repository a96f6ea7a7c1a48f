/**
 * PDF storm: `npm run bench:pdf [-- --clients 40 --seconds 20]`.
 *
 * Starts the real server on a free loopback port with a fresh data folder and brings a
 * Module 1 session to a finished agreement through the API (people joined, cards on every
 * wall, stickers placed and revealed, the agreement assembled and edited). Then, for the
 * given time, `--clients` clients fetch the agreement PDF in a loop, each from its own
 * loopback address (pdf-storm-clients.ts, in a process of its own); half-way through, the
 * lead edits the agreement, which makes one new version. Meanwhile this process
 * asks `/healthz` and has participants save a reflection, each ten times a second on a
 * fixed schedule (a request that stalls does not delay the next, so a stall shows as many
 * slow samples, not one).
 *
 * The last line printed is one JSON object: latency of /healthz and of the participant
 * write (p50, p99, max in ms), the PDF answers by status, and the renders the server
 * performed (counted from its log; null for a server that does not log them).
 */
import { RawHttpClient } from './raw-http-client.js';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sleep } from './http-client.js';
import { ServerProcess, webDirFor } from './server-process.js';
import { percentile } from './stats.js';
import { agentFrom, timedRequest as request } from './timed-request.js';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '20' },
    people: { type: 'string', default: '24' },
  },
});
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const PEOPLE = Number(args.people);
if (!Number.isInteger(CLIENTS) || CLIENTS < 1 || CLIENTS > 180) throw new Error('--clients must be 1–180');
if (!(SECONDS > 0)) throw new Error('--seconds must be positive');
if (!Number.isInteger(PEOPLE) || PEOPLE < 6 || PEOPLE > 200) throw new Error('--people must be 6–200');

const PROBE_HZ = 10;
const WRITERS = 8;
const GROUPS = ['parent', 'teacher', 'classified', 'administrator', 'community', 'student'];
const t0 = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}`);

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { n: sorted.length, p50_ms: round(percentile(sorted, 0.5)), p99_ms: round(percentile(sorted, 0.99)), max_ms: round(sorted.at(-1) ?? 0) };
}

const tempDir = mkdtempSync(join(tmpdir(), 'partnerdeck-pdf-storm-'));
const server = new ServerProcess(join(tempDir, 'data'), webDirFor(tempDir));
let renders = 0;
let renderLines = false;
server.onOutput = (text) => {
  const found = text.match(/^agreement PDF rendered/gm)?.length ?? 0;
  renders += found;
  if (found > 0) renderLines = true;
};
server.onUnexpectedExit = (message) => {
  console.error(message);
  process.exit(3);
};

let exitCode = 0;
try {
  await server.start();
  log(`server pid ${server.pid} on port ${server.port}, data in ${tempDir}`);
  const api = new RawHttpClient(server.port, 32);
  let opCounter = 0;
  const op = (label: string) => `storm-${label}-${(opCounter++).toString(36)}`;
  const must = async (method: string, path: string, init: { body?: unknown; key?: string }, expect = [200, 201]) => {
    const reply = await api.send(method, path, { ...init, op: method === 'GET' ? undefined : op('setup') });
    if (!expect.includes(reply.status)) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.json).slice(0, 300)}`);
    return reply.json;
  };

  // --- a session with a finished agreement, through the API -------------------------------
  const { code, leadKey } = await must('POST', '/api/sessions', { key: server.operatorKey(), body: { deckId: 'module-1', schoolName: 'Roosevelt Middle School' } });
  const base = `/api/sessions/${code}`;
  const deck = (await must('GET', `${base}/deck`, { key: leadKey })) as { slides: { activity?: any }[] };
  const slideOf = (kind: string) => deck.slides.findIndex((s) => s.activity?.kind === kind) + 1;
  const show = (slide: number) => must('PUT', `${base}/presentation/slide`, { key: leadKey, body: { slide } });
  const people: { id: string; token: string }[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const joined = await must('POST', `${base}/participants`, { body: { name: `P${i}`, group: GROUPS[i % GROUPS.length] } });
    people.push({ id: joined.participantId, token: joined.token });
  }
  const cardSlide = slideOf('card');
  const twoSidedSlide = slideOf('two-sided-card');
  const reviseSlide = slideOf('revise-and-example');
  const gallerySlide = slideOf('gallery-walk');
  const reflectionSlide = slideOf('reflection');
  const sentence = (i: number, topic: string) => `${topic} ${i}: families and staff share what they see, listen before deciding, and follow up within a week so every child is known by name.`;
  await show(cardSlide);
  for (const [i, p] of people.entries()) await must('POST', `${base}/cards`, { key: p.token, body: { slide: cardSlide, text: sentence(i, 'We agree') } });
  await show(twoSidedSlide);
  for (const [i, p] of people.entries()) await must('POST', `${base}/cards`, { key: p.token, body: { slide: twoSidedSlide, front: sentence(i, 'Partnership means'), back: sentence(i, 'Adults model it') } });
  await show(reviseSlide);
  for (const [i, p] of people.entries()) await must('PUT', `${base}/revise/${reviseSlide}/example`, { key: p.token, body: { text: sentence(i, 'For example') } });
  await show(gallerySlide);
  const gallery = deck.slides[gallerySlide - 1].activity as { walls: string[]; stickersPerWall: number; maxPerCard: number };
  const exported = await must('GET', `${base}/exports/session.json`, { key: leadKey });
  const cardsByWall = new Map<string, { id: string; author: string | null }[]>();
  for (const card of exported.cards as { id: string; wall: string; authorId: string | null; withdrawn: boolean }[]) {
    if (card.withdrawn) continue;
    cardsByWall.set(card.wall, [...(cardsByWall.get(card.wall) ?? []), { id: card.id, author: card.authorId }]);
  }
  let stickers = 0;
  for (const [i, p] of people.entries()) {
    for (const wall of gallery.walls) {
      // Skewed choices, so the tallies have clear winners and the agreement is not a tie.
      const others = (cardsByWall.get(wall) ?? []).filter((c) => c.author !== p.id);
      const picks = [...new Set(Array.from({ length: gallery.stickersPerWall }, (_, k) => others[(k + (i % 4)) % others.length]))];
      for (const card of picks) {
        const reply = await api.send('POST', `${base}/stickers`, { key: p.token, body: { cardId: card.id }, op: op('sticker') });
        if (reply.status === 201) stickers++;
      }
    }
  }
  await must('PUT', `${base}/gallery/reveal`, { key: leadKey, body: { revealed: true } });
  await must('POST', `${base}/agreement/assemble`, { key: leadKey });
  await must('PUT', `${base}/agreement`, { key: leadKey, body: { date: '2026-05-05' } });
  const agreement = (await must('GET', `${base}/agreement`, {})).agreement;
  await show(reflectionSlide);
  log(`session ${code}: ${PEOPLE} people, ${stickers} stickers, agreement with ${agreement.agreements.length} agreements and ${agreement.examples.length} examples; deck on the reflection (slide ${reflectionSlide})`);

  // --- the storm ---------------------------------------------------------------------------
  const healthz: number[] = [];
  const writes: number[] = [];
  const writeStatus: Record<string, number> = {};
  const stopAt = Date.now() + SECONDS * 1000;
  const cpuBefore = server.cpuSeconds();

  const storm = new Promise<{ statuses: Record<string, number>; bytes: number }>((resolve, reject) => {
    const clients = fork(join(import.meta.dirname, 'pdf-storm-clients.ts'), ['--port', String(server.port), '--path', `${base}/agreement/pdf`, '--clients', String(CLIENTS), '--until', String(stopAt)]);
    clients.once('message', (result) => resolve(result as { statuses: Record<string, number>; bytes: number }));
    clients.once('exit', (code) => reject(new Error(`the storm's clients exited (${code}) without a result`)));
  });
  // Probes start on a fixed schedule, whatever the answers take.
  const probes: Promise<void>[] = [];
  const probeAgent = agentFrom('127.0.0.250');
  const writerAgents = people.slice(0, WRITERS).map((_, w) => agentFrom(`127.0.0.${200 + w}`));
  const schedule = (run: (tick: number) => Promise<void>) =>
    (async () => {
      const start = Date.now();
      for (let tick = 0; start + (tick * 1000) / PROBE_HZ < stopAt; tick++) {
        const due = start + (tick * 1000) / PROBE_HZ;
        if (due > Date.now()) await sleep(due - Date.now());
        probes.push(run(tick));
      }
    })();
  const healthLoop = schedule(async () => {
    const answer = await request(probeAgent, server.port, 'GET', '/healthz', {});
    if (answer.status === 200) healthz.push(answer.ms);
  });
  const writeLoop = schedule(async (tick) => {
    const w = tick % WRITERS;
    const body = JSON.stringify({ text: `Reflection ${tick}: I will call one family this week.`, shared: false });
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${people[w].token}`, 'idempotency-key': op(`w${w}`) };
    const answer = await request(writerAgents[w], server.port, 'PUT', `${base}/reflections/${reflectionSlide}/mine`, headers, body);
    writeStatus[answer.status] = (writeStatus[answer.status] ?? 0) + 1;
    if (answer.status === 200) writes.push(answer.ms);
  });
  // Half-way, the facilitator corrects the agreement: one new version, drawn once per size.
  const edit = (async () => {
    await sleep((stopAt - Date.now()) / 2);
    await must('PUT', `${base}/agreement`, { key: leadKey, body: { date: '2026-05-14' } });
    log('the lead edited the agreement');
  })();
  const progress = setInterval(() => log(`storm: healthz ${healthz.length}, writes ${writes.length}, renders ${renderLines ? renders : 'not logged'}`), 5000);
  const [{ statuses: pdfStatus, bytes: pdfBytes }] = await Promise.all([storm, healthLoop, writeLoop, edit]);
  await Promise.all(probes);
  clearInterval(progress);
  const serverCpu = server.cpuSeconds() - cpuBefore;
  for (const agent of [probeAgent, ...writerAgents]) agent.destroy();
  api.close();

  const result = {
    clients: CLIENTS,
    seconds: SECONDS,
    healthz: summary(healthz),
    write: { ...summary(writes), statuses: writeStatus },
    pdf: { ...pdfStatus, mb: Math.round(pdfBytes / 1e5) / 10 },
    renders: renderLines ? renders : null,
    server_cpu_s: Math.round(serverCpu * 10) / 10,
    max_rss_mb: Math.round(server.samplePeak()),
  };
  const failed = (statuses: Record<string, number>, ok: string) => Object.entries(statuses).some(([status]) => status !== ok && status !== '304' && status !== '429' && status !== '503');
  if (failed(writeStatus, '200') || failed(pdfStatus, '200')) exitCode = 1;
  log(`healthz p99 ${result.healthz.p99_ms} ms, write p99 ${result.write.p99_ms} ms (target ≤ 100 ms)`);
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await server.stop();
  rmSync(tempDir, { recursive: true, force: true });
}
process.exit(exitCode);
