/**
 * How much one session stores and holds in memory, to set and check SESSION_LIMITS:
 *
 *   node --expose-gc --import tsx tests/load/session-size.ts --room 2000
 *     plays a talkative Module 1 through the app (every person writes every answer, card,
 *     definition, example, reflection and comment, with edits, and places and moves
 *     stickers) and prints the changes and characters of data it stored;
 *   node --expose-gc --import tsx tests/load/session-size.ts --fill cards|answers [--wide]
 *     fills one session up to its caps the way that costs most memory (cards of 480
 *     characters, or short answers, written and withdrawn again and again; --wide adds an
 *     emoji so every text is stored as two bytes a character) and prints what the session
 *     holds in the heap once it refuses more.
 *
 * The last line printed is one JSON object with the figures.
 */
import { parseArgs } from 'node:util';
import { giveAnswer, withdrawAnswer } from '../../server/features/answers/answer-commands.js';
import { withdrawCard, writeCard } from '../../server/features/cards/card-commands.js';
import { DomainError } from '../../server/domain/domain-error.js';
import { SESSION_LIMITS } from '../../server/runtime/session-runtime.js';
import { testApp } from '../unit/test-app.js';

const { values: args } = parseArgs({ options: { room: { type: 'string' }, fill: { type: 'string' }, wide: { type: 'boolean', default: false } } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc.');
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

const t = testApp({ limits: { participantPerSecond: 1e9, participantBurst: 1e9, addressPerSecond: 1e9, addressBurst: 1e9 } });
const s = await t.startSession('Size Elementary');
const base = `/api/sessions/${s.code}`;
const live = t.registry.get(s.code)!;
const runtime = live.runtime as unknown as { state: { seq: number }; dataChars: number };

async function ok(request: Promise<{ status: number; json: any }>, what: string) {
  const res = await request;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}
const words = (length: number, seed: number) => Array.from({ length }, (_, i) => `word${(seed * 31 + i) % 97}`).join(' ').slice(0, length);

if (args.room) {
  const people = Number(args.room);
  const ps: { token: string }[] = [];
  for (let i = 0; i < people; i++) ps.push(await t.joinAs(s.code, `Person${i}`, i % 2 ? 'parent' : 'teacher'));
  const show = (n: number) => t.showSlide(s.code, s.leadKey, n);
  const call = (method: string, path: string, key: string, body?: unknown) => t.call(method, `${base}${path}`, { key, body });
  await show(4);
  for (const [i, p] of ps.entries()) for (let k = 0; k < 3; k++) await ok(call('POST', '/answers', p.token, { slide: 4, text: words(60, i + k) }), 'answer');
  await show(11);
  for (const [i, p] of ps.entries()) {
    const { cardIds } = await ok(call('POST', '/cards', p.token, { slide: 11, text: words(200, i) }), 'card');
    for (let k = 1; k <= 2; k++) await ok(call('PATCH', `/cards/${cardIds[0]}`, p.token, { text: words(200, i + k) }), 'edit');
  }
  await show(12);
  for (const [i, p] of ps.entries()) {
    const { cardIds } = await ok(call('POST', '/cards', p.token, { slide: 12, front: words(200, i), back: words(200, i + 5) }), 'two-sided card');
    for (const id of cardIds) await ok(call('PATCH', `/cards/${id}`, p.token, { text: words(200, i + 9) }), 'edit');
  }
  await show(13);
  await ok(call('POST', '/lineup/slides/13/open', s.leadKey), 'line-up');
  for (const [i, p] of ps.entries()) await ok(call('POST', '/lineup/answers', p.token, { month: 1 + (i % 12), day: 1 + (i % 28) }), 'birthday');
  await ok(call('POST', '/lineup/slides/13/groups', s.leadKey), 'groups');
  const poll = live.runtime.deck.slides.findIndex((x) => x.activity?.kind === 'poll') + 1;
  await show(poll);
  for (const p of ps) await ok(call('PUT', `/polls/${poll}/vote`, p.token, { choices: ['respect', 'integrity'] }), 'vote');
  await show(22);
  for (const [i, p] of ps.entries()) {
    for (let k = 0; k < 2; k++) {
      await ok(call('PUT', '/revise/22/definition', p.token, { text: words(200, i + 20 + k) }), 'definition');
      await ok(call('PUT', '/revise/22/example', p.token, { text: words(200, i + 40 + k) }), 'example');
    }
  }
  await show(23);
  const walls = new Map<string, string[]>();
  for (const card of live.runtime.state.cards.values()) if (!card.withdrawn) walls.set(card.wall, [...(walls.get(card.wall) ?? []), card.id]);
  for (const [i, p] of ps.entries()) {
    for (const ids of walls.values()) {
      const placed: string[] = [];
      for (let k = 0; k < 6; k++) placed.push((await ok(call('POST', '/stickers', p.token, { cardId: ids[(i * 7 + k * 13) % ids.length] }), 'sticker')).stickerId);
      await ok(call('DELETE', `/stickers/${placed[0]}`, p.token), 'take back');
      await ok(call('POST', '/stickers', p.token, { cardId: ids[(i * 7 + 6 * 13) % ids.length] }), 'sticker');
    }
  }
  await show(26);
  for (const [i, p] of ps.entries()) for (let k = 0; k < 2; k++) await ok(call('PUT', '/reflections/26/mine', p.token, { text: words(300, i + k), shared: k === 1 }), 'reflection');
  await show(28);
  const ratings = { voice: 4, 'objectives-clear': 5, 'will-use': 4, 'agreement-reflects': 3, 'understand-partnership': 5 };
  for (const [i, p] of ps.entries()) {
    await ok(call('PUT', '/feedback/28/mine', p.token, { ratings, comments: { 'worked-well': words(150, i), improve: words(150, i + 1), 'support-next': words(150, i + 2) } }), 'feedback');
  }
  console.log(JSON.stringify({ people, events: runtime.state.seq, data_chars: runtime.dataChars, caps: SESSION_LIMITS }));
} else if (args.fill === 'cards' || args.fill === 'answers') {
  const cards = args.fill === 'cards';
  await t.showSlide(s.code, s.leadKey, 4);
  await t.showSlide(s.code, s.leadKey, 11);
  const ps: string[] = [];
  for (let i = 0; i < 50; i++) ps.push((await t.joinAs(s.code, `F${i}`)).participantId);
  const before = heapMb();
  const text = (cards ? 'x'.repeat(480) : 'x'.repeat(50)) + (args.wide ? '😀' : '');
  let refusal = '';
  for (let n = 0; !refusal; n++) {
    const p = ps[n % ps.length];
    const actor = { role: 'participant' as const, participantId: p };
    // Every write through the runtime as a request would come, with its own key.
    const op = (kind: string) => ({ key: `${p}:${kind}-${n}`, digest: 'fill-digest-0123456789' });
    try {
      if (cards) {
        const { response } = live.runtime.execute(actor, op('write'), (state, context) => writeCard(state, live.runtime.deck, p, { slide: 11, text: `${text}${n}` }, context));
        live.runtime.execute(actor, op('withdraw'), (state) => withdrawCard(state, p, response.cardIds[0]));
      } else {
        const { response } = live.runtime.execute(actor, op('write'), (state, context) => giveAnswer(state, live.runtime.deck, p, 4, `${text.slice(0, 50)}${n % 10}`, context));
        live.runtime.execute(actor, op('withdraw'), (state) => withdrawAnswer(state, p, response.answerId));
      }
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'session_full') throw error;
      refusal = error.code;
    }
    // Let the store commit its batch now and then, as the event loop would between requests.
    if (n % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  console.log(JSON.stringify({ fill: args.fill, wide: args.wide, refusal, events: runtime.state.seq, data_chars: runtime.dataChars, heap_growth_mb: Math.round(heapMb() - before) }));
} else {
  console.error('Say --room N or --fill cards|answers.');
  process.exitCode = 2;
}
t.close();
