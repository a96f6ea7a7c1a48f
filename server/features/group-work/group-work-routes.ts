import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { deckIn, pickLanguage } from '../../deck/deck-in-language.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { clientAddress } from '../../http/client-address.js';
import { errorBody } from '../../http/errors.js';
import { rateLimit } from '../../http/rate-limit.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { BOARD_PREFIX } from '../../store/key-ring.js';
import {
  clusterNote,
  CLUSTER_LIMITS,
  createCluster,
  editNote,
  joinGroup,
  makeMixedGroups,
  pickStandards,
  placeMember,
  postNote,
  removeCluster,
  showGroup,
  updateCluster,
  withdrawNote,
  type BoardActor,
} from './group-work-commands.js';
import { brainstormActivity, preparedStandards } from './group-work-model.js';
import { groupById, groupOfParticipant } from './group-work-state.js';
import { groupBoard } from './group-work-views.js';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
// Params are the router's, not the caller's: the mount's :code rides along, so not strict.
const slideParam = z.object({ slide: z.coerce.number().int().min(1).max(999) });
const slide = z.number().int().min(1).max(999);
/** Raw text may be longer than allowed; the domain trims first, then counts, and says how long it was. */
const raw = (max: number) => z.string().max(max * 4);
const note = { standardId: id, text: raw(500), helpers: z.array(z.string().max(40)).max(10) };

/** A participant writes for themselves; a facilitator for any group (paper notes, a group without phones). */
function boardActor(c: Context<AppEnv>): BoardActor {
  const actor = c.get('actor');
  return actor.role === 'participant' ? { participantId: actor.participantId! } : { staff: true };
}

/**
 * The process protocol's small groups: the facilitator proposes mixed groups and moves
 * people; members pick standards, post notes, make clusters and agree on activities; the
 * facilitator steps through the share-out. The laptop at a group's table reads its board
 * with the group's own read-only key, got from a member's phone (as a link) or by typing
 * the group's short board code.
 */
export function groupWorkRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const staff = [requireRole(keys, 'lead', 'support'), requireOpId] as const;
  const member = [participantWrite(deps, 'participant', 'lead', 'support')] as const;
  // A board code is short enough to type, so guessing is kept slow: per address.
  const codeGuesses = rateLimit({ name: 'board code per address', perSecond: 0.5, burst: 10, key: (c) => `board-code:${clientAddress(c)}` });
  return (
    new Hono<AppEnv>()
      .use(withSession(registry))
      .post('/slides/:slide/propose', ...staff, validate('param', slideParam), (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => makeMixedGroups(state, runtime.deck, c.req.valid('param').slide, context));
        return c.json(response);
      })
      .put('/members/:participantId', ...staff, validate('param', z.object({ participantId: id })), validate('json', z.strictObject({ groupId: id })), (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => placeMember(state, c.req.valid('param').participantId, c.req.valid('json').groupId));
        return c.json(response);
      })
      .post('/join', participantWrite(deps, 'participant'), (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => joinGroup(state, runtime.deck, c.get('subject')));
        return c.json(response);
      })
      .put('/standards', ...member, validate('json', z.strictObject({ groupId: id.optional(), standardIds: z.array(id).max(20) })), (c) => {
        const { runtime } = c.get('live');
        const { groupId, standardIds } = c.req.valid('json');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => pickStandards(state, runtime.deck, boardActor(c), groupId, standardIds));
        return c.json(response);
      })
      .post('/notes', ...member, validate('json', z.strictObject({ slide, groupId: id.optional(), ...note })), (c) => {
        const { runtime } = c.get('live');
        const { slide, groupId, ...input } = c.req.valid('json');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => postNote(state, runtime.deck, slide, boardActor(c), groupId, input, context));
        return c.json(response, 201);
      })
      .put('/notes/:noteId', ...member, validate('param', z.object({ noteId: id })), validate('json', z.strictObject(note)), (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => editNote(state, runtime.deck, boardActor(c), c.req.valid('param').noteId, c.req.valid('json')));
        return c.json(response);
      })
      .delete('/notes/:noteId', ...member, validate('param', z.object({ noteId: id })), (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => withdrawNote(state, boardActor(c), c.req.valid('param').noteId));
        return c.json(response);
      })
      .put('/clustered/:noteId', ...member, validate('param', z.object({ noteId: id })), validate('json', z.strictObject({ clusterId: id.nullable() })), (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => clusterNote(state, boardActor(c), c.req.valid('param').noteId, c.req.valid('json').clusterId));
        return c.json(response);
      })
      .post('/clusters', ...member, validate('json', z.strictObject({ slide, groupId: id.optional(), name: raw(CLUSTER_LIMITS.name) })), (c) => {
        const { runtime } = c.get('live');
        const { slide, groupId, name } = c.req.valid('json');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => createCluster(state, runtime.deck, slide, boardActor(c), groupId, name, context));
        return c.json(response, 201);
      })
      .patch(
        '/clusters/:clusterId',
        ...member,
        validate('param', z.object({ clusterId: id })),
        validate(
          'json',
          z.strictObject({
            name: raw(CLUSTER_LIMITS.name).optional(),
            activity: raw(CLUSTER_LIMITS.activity).optional(),
            partnerRoles: raw(CLUSTER_LIMITS.partnerRoles).optional(),
            useful: z.boolean().optional(),
            realistic: z.boolean().optional(),
          }),
        ),
        (c) => {
          const { runtime } = c.get('live');
          const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => updateCluster(state, runtime.deck, boardActor(c), c.req.valid('param').clusterId, c.req.valid('json'), context));
          return c.json(response);
        },
      )
      .delete('/clusters/:clusterId', ...member, validate('param', z.object({ clusterId: id })), (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => removeCluster(state, runtime.deck, boardActor(c), c.req.valid('param').clusterId, context));
        return c.json(response);
      })
      .put('/shareout/:slide', ...staff, validate('param', slideParam), validate('json', z.strictObject({ groupId: id })), (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => showGroup(state, runtime.deck, c.req.valid('param').slide, c.req.valid('json').groupId));
        return c.json(response);
      })
      // A member's phone gets its group's board link (key in the fragment) and the short code to type.
      .get('/board-link', requireRole(keys, 'participant'), (c) => {
        const { runtime } = c.get('live');
        const group = groupOfParticipant(runtime.state, c.get('subject'));
        if (!group) return c.json(errorBody('no_group', 'You are not in a group yet.'), 409);
        const key = keys.boardKey(runtime.id, group.id);
        return c.json({ path: `/board/${runtime.code}`, key, code: keys.boardCode(runtime.id, group.id), url: `${deps.publicUrl}/board/${runtime.code}#key=${key}` });
      })
      .get('/board-qr.svg', requireRole(keys, 'participant'), async (c) => {
        const { runtime } = c.get('live');
        const group = groupOfParticipant(runtime.state, c.get('subject'));
        if (!group) return c.json(errorBody('no_group', 'You are not in a group yet.'), 409);
        const svg = await QRCode.toString(`${deps.publicUrl}/board/${runtime.code}#key=${keys.boardKey(runtime.id, group.id)}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' });
      })
      // A laptop at the table types the group's board code and gets the board's key.
      .post('/board-key', codeGuesses, validate('json', z.strictObject({ code: z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z0-9]{6}$/)) })), (c) => {
        const { runtime } = c.get('live');
        const typed = Buffer.from(c.req.valid('json').code);
        const group = runtime.state.groupWork.groups.find((g) => timingSafeEqual(Buffer.from(keys.boardCode(runtime.id, g.id)), typed));
        if (!group) return c.json(errorBody('unknown_board', 'No group has that board code. Check the code on a group member’s phone.'), 404);
        return c.json({ key: keys.boardKey(runtime.id, group.id), number: group.number });
      })
      .get('/board', validate('query', z.strictObject({ lang: z.string().max(20).optional() })), (c) => {
        const { runtime } = c.get('live');
        const token = /^Bearer ([A-Za-z0-9._-]{1,200})$/.exec(c.req.header('authorization') ?? '')?.[1];
        if (!token) return c.json(errorBody('missing_key', 'This needs the group’s board key: send "Authorization: Bearer <key>".'), 401);
        const subject = keys.verify(runtime.id, token);
        const group = subject?.startsWith(BOARD_PREFIX) ? groupById(runtime.state, subject.slice(BOARD_PREFIX.length)) : undefined;
        if (!group) return c.json(errorBody('bad_key', 'That key does not open a board of this session.'), 401);
        const deck = deckIn(runtime.deck, pickLanguage(runtime.deck, c.req.valid('query').lang ?? runtime.deck.lang));
        const version = `W/"board-${runtime.state.groupWork.boardSeq.get(group.id) ?? 0}-${deck.lang}"`;
        const cache = { ETag: version, 'Cache-Control': 'no-cache' };
        if (c.req.header('if-none-match') === version) return c.body(null, 304, cache);
        const brainstorm = brainstormActivity(deck);
        const standards = preparedStandards(runtime.state, runtime.deck);
        return c.json(
          {
            code: runtime.code,
            schoolName: runtime.state.schoolName,
            lang: deck.lang,
            board: groupBoard(runtime.state, runtime.deck, group),
            standards: standards.filter((s) => group.standardIds.includes(s.id)),
            helpers: brainstorm?.helpers ?? [],
          },
          200,
          cache,
        );
      })
  );
}
