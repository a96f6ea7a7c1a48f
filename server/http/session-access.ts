import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../domain/events.js';
import type { KeyRing } from '../store/key-ring.js';
import { OperatorKey } from '../store/operator-key.js';
import type { SessionRegistry } from '../runtime/session-registry.js';
import type { AppEnv } from './app-env.js';
import { errorBody } from './errors.js';
import { requestDigest } from './request-digest.js';

const CODE = /^[A-Za-z0-9]{6}$/;

/** Finds the session named by `:code`, or answers 404. */
export function withSession(registry: SessionRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const code = c.req.param('code') ?? '';
    const live = CODE.test(code) ? registry.get(code) : undefined;
    if (!live) return c.json(errorBody('unknown_session', `There is no session with the code "${code.slice(0, 12)}".`), 404);
    c.set('live', live);
    await next();
  });
}

/**
 * Checks the caller's key (Authorization: Bearer …) and role. Keys travel in a header,
 * never in a URL, so no proxy or access log records them. 401: no key or a key this
 * session did not issue; 403: a real key of a role that may not do this.
 */
export function requireRole(keys: KeyRing, ...roles: Role[]) {
  const refusal = roleCheck(keys, roles);
  return createMiddleware<AppEnv>(async (c, next) => refusal(c) ?? next());
}

/** requireRole's check without a layer of its own: the refusal (401, 403), or undefined with the caller set on the context. */
export function roleCheck(keys: KeyRing, roles: readonly Role[]): (c: Context<AppEnv>) => Response | undefined {
  return (c) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]{1,200})$/.exec(header);
    if (!match) return c.json(errorBody('missing_key', 'This needs a key: send "Authorization: Bearer <key>".'), 401);
    const live = c.get('live');
    const subject = keys.isCoordinator(match[1]) ? 'coordinator' : keys.verify(live.runtime.id, match[1]);
    if (!subject) return c.json(errorBody('bad_key', 'That key does not belong to this session.'), 401);
    const role: Role = subject === 'lead' || subject === 'support' || subject === 'coach' || subject === 'coordinator' ? subject : 'participant';
    if (role === 'participant' && !live.runtime.state.participants.has(subject)) {
      return c.json(errorBody('bad_key', 'That participant is not in this session.'), 401);
    }
    if (!roles.includes(role)) {
      return c.json(errorBody('forbidden', `Only ${roles.join(' or ')} may do this.`), 403);
    }
    c.set('subject', subject);
    c.set('actor', role === 'participant' ? { role, participantId: subject } : { role });
    return undefined;
  };
}

/** Only the district coordinator (routes that are no one session's): 401 without their key. */
export function requireCoordinator(keys: KeyRing) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const match = /^Bearer ([A-Za-z0-9._-]{1,200})$/.exec(c.req.header('authorization') ?? '');
    if (!match) return c.json(errorBody('missing_key', 'This needs the district coordinator\'s key: send "Authorization: Bearer <key>".'), 401);
    if (!keys.isCoordinator(match[1])) return c.json(errorBody('bad_key', "That is not this server's district coordinator key."), 401);
    c.set('actor', { role: 'coordinator' });
    c.set('subject', 'coordinator');
    await next();
  });
}

/**
 * Only the operator (whoever runs the server) starts, lists and deletes sessions. 401: no
 * key, or an operator key that is not this server's, or a key nobody issued; 403: a real
 * facilitator's or participant's key, which may do much inside its session but not this.
 */
export function requireOperator(operator: OperatorKey, keys: KeyRing, registry: SessionRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const match = /^Bearer ([A-Za-z0-9._-]{1,200})$/.exec(c.req.header('authorization') ?? '');
    if (!match)
      return c.json(
        errorBody(
          'missing_key',
          'Only the operator may do this: send "Authorization: Bearer <operator key>". The start page link printed in the server\'s terminal carries it.',
        ),
        401,
      );
    const token = match[1];
    if (operator.matches(token)) return next();
    if (!OperatorKey.claims(token) && isSessionKey(keys, registry, token)) {
      return c.json(errorBody('forbidden', "Only the operator may start, list or delete sessions; a facilitator's or participant's key cannot."), 403);
    }
    return c.json(errorBody('bad_key', "That is not this server's operator key."), 401);
  });
}

/**
 * Whether a token is a key some live session issued. Staff keys are checked against each
 * session (their expected MACs are cached, a handful per session); a participant token
 * only against the session that has that participant, so a forged token cannot make the
 * server compute a MAC per session.
 */
function isSessionKey(keys: KeyRing, registry: SessionRegistry, token: string): boolean {
  const subject = token.slice(0, Math.max(0, token.lastIndexOf('.')));
  if (!subject) return false;
  if (keys.isCoordinator(token)) return true;
  const staff = subject === 'lead' || subject === 'support' || subject === 'coach';
  return registry.all().some(({ runtime }) => (staff || runtime.state.participants.has(subject)) && keys.verify(runtime.id, token) === subject);
}

const OP_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Every write carries a client-made id (Idempotency-Key) so a retry is applied once. The
 * key is scoped to its caller (a participant, a facilitator role, or `anon` for joins), and
 * the request's digest goes with it: the same key with another route, body or caller is a
 * different request and is refused (422), so a join that reuses another device's key gets
 * a refusal, never that person's token.
 */
export const requireOpId = createMiddleware<AppEnv>(async (c, next) => opIdCheck(c) ?? next());

/** requireOpId's check without a layer of its own: the refusal (400), or undefined with the operation set on the context. */
export function opIdCheck(c: Context<AppEnv>): Response | undefined {
  const opId = c.req.header('idempotency-key') ?? '';
  if (!OP_ID.test(opId)) {
    return c.json(errorBody('missing_op_id', 'Each write needs an Idempotency-Key header: 8–64 letters, digits, "-" or "_".'), 400);
  }
  setOpKey(c, opId, c.get('subject') ?? 'anon');
  return undefined;
}

/**
 * The operator's starts (a session, a program) honour an Idempotency-Key as every write
 * does, so a double tap or a retry on a flaky network starts one, not two; but they also
 * take none, as the operator's scripts have always sent them (each such request starts
 * another). A key that is sent must be well formed.
 */
export const acceptOpId = createMiddleware<AppEnv>(async (c, next) => {
  const opId = c.req.header('idempotency-key');
  if (opId === undefined) return next();
  if (!OP_ID.test(opId)) {
    return c.json(errorBody('missing_op_id', 'An Idempotency-Key header, when sent, is 8–64 letters, digits, "-" or "_".'), 400);
  }
  setOpKey(c, opId, 'operator');
  await next();
});

/** The write's operation: its key scoped to its caller, and the digest of what it asks. */
function setOpKey(c: Context<AppEnv>, opId: string, caller: string): void {
  c.set('opKey', new OpKey(`${caller}:${opId}`, c, caller));
}

/** One per write; its getter lives on the prototype, not on a fresh object with a closure each time. */
class OpKey {
  private made: string | undefined;

  constructor(
    readonly key: string,
    private readonly c: Context<AppEnv>,
    private readonly caller: string,
  ) {}

  /** Computed when the command runs: after the validators, from the validated body. */
  get digest(): string {
    return (this.made ??= requestDigest(this.c, this.caller));
  }
}
