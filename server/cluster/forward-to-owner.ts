import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { STAFF_KEY } from '../http/api-envelope.js';
import { errorBody } from '../http/errors.js';
import { API_SECURITY_HEADERS } from '../http/security-headers.js';
import type { SessionOwnership } from './session-ownership.js';

/**
 * Requests for a session reach the instance that owns it. A reverse proxy that routes by
 * session code (README, "Several machines") sends most of them there directly; whatever
 * arrives at another instance (the proxy's choice, a phone on an old connection, a
 * session that just moved) is forwarded here, byte for byte, and the answer streamed back:
 * writes, reads and live streams alike (a stream stays open through the forwarding
 * instance for as long as the owner keeps it open).
 *
 * A forwarded request carries FORWARDED_HEADER and is never forwarded again: an instance
 * that receives one for a session it does not own (it moved meanwhile) answers 503 with
 * Retry-After, and the client tries again, as it does when the owner cannot be reached.
 * A write whose forwarding broke off may or may not have been applied; its client retries
 * with the same Idempotency-Key and the owner (old or new: the answers are in the
 * database) gives the first answer again.
 */
export const FORWARDED_HEADER = 'x-partnerdeck-forwarded';

/** Only these paths name a session; everything else (pages, decks, the operator's list) is served by any instance. */
const SESSION_PATH = /^\/api\/sessions\/([A-Za-z0-9]{6})(?=[/?]|$)/;
const STREAM_PATH = /^\/api\/sessions\/[A-Za-z0-9]{6}\/stream(?=\?|$)/;

/** Headers that belong to one connection, not to the request: never passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

/** How long a client is asked to wait before trying again while a session moves. */
const RETRY_AFTER_S = 1;
/**
 * ...and a phone's write while the session's phones come back to its new owner. Refusing
 * is cheap but not free: 2,000 phones asking again every second kept the new owner's event
 * loop busy enough to slow the very reconnections the wait is for.
 */
const SETTLING_RETRY_AFTER_S = 2;

/**
 * How long a forward may take to connect to the owner. On a local network a connection is
 * made in a millisecond, and to an instance that is up but busy the kernel still accepts
 * it (its listen queue is 4,096 deep); a connect that takes longer means the owner's
 * machine is gone or cut off, and without a limit of its own the operating system would
 * keep the phone waiting for minutes of SYN retries. Unlike a refusal, a timeout is no proof
 * that the owner's process is gone (a full listen queue drops SYNs too): the request is
 * answered 503 with Retry-After and the session stays where it is, until the owner's lease
 * runs out (5 s without a renewal) and the next request takes it over.
 */
export const FORWARD_CONNECT_TIMEOUT_MS = 1500;

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;
interface NodeEnv {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

/** The app's fetch, with requests for sessions owned elsewhere forwarded to their owner. */
export function forwardToOwners(ownership: SessionOwnership, fetch: Fetch, connectTimeoutMs = FORWARD_CONNECT_TIMEOUT_MS): Fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity }),
  };
  return (request, env) => {
    const { incoming, outgoing } = (env ?? {}) as NodeEnv;
    const code = incoming && SESSION_PATH.exec(incoming.url ?? '')?.[1];
    // Served here: nothing more than a look-up in a map.
    if (!code || !outgoing) return fetch(request, env);
    if (ownership.isHere(code)) return servedHere(ownership, code, incoming) ?? fetch(request, env);
    const forwarded = incoming.headers[FORWARDED_HEADER] !== undefined;
    return ownership.whereIs(code).then(
      (where) => {
        if (where.at === 'here') return servedHere(ownership, code, incoming) ?? fetch(request, env);
        if (where.at === 'nowhere') return fetch(request, env);
        if (where.at === 'elsewhere' && !forwarded) {
          return forward(agents, where.url, incoming, outgoing, ownership.instanceId, connectTimeoutMs).then((sent) => {
            if (sent) return RESPONSE_ALREADY_SENT;
            // The owner's address refused the connection: it is gone. This instance takes
            // the session at once; a request without a body (a stream, a read) is then served
            // here, and a write is asked to come again (its body went to the refused
            // connection), which its retry finds here.
            return ownership.ownerRefused(code, where.url).then(
              (now) =>
                now.at === 'here' && !hasBody(incoming)
                  ? (servedHere(ownership, code, incoming) ?? fetch(request, env))
                  : unavailable(now.at === 'unavailable' ? now.why : 'its owner is gone; it is being taken over'),
              (error: Error) => unavailable(error.message),
            );
          });
        }
        return unavailable(where.at === 'elsewhere' ? 'it is moving to another instance' : where.why);
      },
      (error: Error) => unavailable(error.message),
    );
  };
}

/**
 * A session this instance has just taken over gives its phones their views before it takes
 * their writes again (SessionOwnership.settling): a phone's write is answered 503 with
 * Retry-After meanwhile, and its outbox sends it again, with the same key, a second later.
 * Null: the request goes on to the app.
 */
function servedHere(ownership: SessionOwnership, code: string, incoming: IncomingMessage): Response | null {
  if (!ownership.settling(code)) return null;
  if (!hasBody(incoming)) {
    if (STREAM_PATH.test(incoming.url ?? '')) ownership.streamArrived(code);
    return null;
  }
  if (STAFF_KEY.test(incoming.headers.authorization ?? '')) return null;
  return unavailable('it has just moved to this instance, and its phones are getting their views first', SETTLING_RETRY_AFTER_S);
}

function hasBody(incoming: IncomingMessage): boolean {
  return incoming.method !== 'GET' && incoming.method !== 'HEAD';
}

/**
 * Sends the request on to its owner and streams the answer back. Resolves true once that
 * is under way (or answered with 503 because the owner broke off), false if the owner's
 * address refused the connection before anything was answered: the caller decides then.
 */
function forward(
  agents: Record<'http:' | 'https:', http.Agent>,
  ownerUrl: string,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  via: string,
  connectTimeoutMs: number,
): Promise<boolean> {
  const target = new URL(incoming.url ?? '/', ownerUrl);
  const headers = passOn(incoming.headers);
  headers[FORWARDED_HEADER] = via;
  // A body of unknown length goes on as it came, in chunks.
  if (incoming.headers['transfer-encoding'] !== undefined) headers['transfer-encoding'] = 'chunked';
  const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
  const send = protocol === 'https:' ? https.request : http.request;
  let answered = false;
  let settle!: (sent: boolean) => void;
  const settled = new Promise<boolean>((resolve) => (settle = resolve));
  const upstream = send(
    { protocol, hostname: target.hostname.replace(/^\[|\]$/g, ''), port: target.port, method: incoming.method, path: `${target.pathname}${target.search}`, headers, agent: agents[protocol] },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, passOn(answer.headers));
      // A live stream's headers go out at once; its frames follow as the owner sends them.
      outgoing.flushHeaders();
      settle(true);
      answer.on('end', () => (answered = true));
      answer.on('error', () => outgoing.destroy());
      answer.on('aborted', () => outgoing.destroy());
      answer.pipe(outgoing);
    },
  );
  // Only a new connection is timed: a kept-alive one is connected already, and a request
  // the owner is slow to answer (a long pause of its own) is waited for as before.
  upstream.once('socket', (socket) => {
    if (!socket.connecting) return;
    const timer = setTimeout(() => upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ECONNECTTIMEOUT' })), connectTimeoutMs);
    timer.unref();
    const done = () => clearTimeout(timer);
    socket.once('connect', done);
    socket.once('close', done);
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    if (!outgoing.headersSent && error.code === 'ECONNREFUSED') return settle(false);
    if (!outgoing.headersSent) writeUnavailable(outgoing, error.code === 'ECONNECTTIMEOUT' ? 'its owner did not answer in time' : 'its owner cannot be reached');
    else outgoing.destroy();
    settle(true);
  });
  // The client went away (a phone closed its stream): the owner's side is closed too.
  outgoing.on('close', () => {
    if (!answered) upstream.destroy();
  });
  incoming.pipe(upstream);
  return settled;
}

function passOn(given: IncomingHttpHeaders): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(given)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  return headers;
}

function unavailableBody(why: string): string {
  return JSON.stringify(errorBody('session_moving', `This session cannot be reached this moment (${why.slice(0, 200)}). Try again in a second.`));
}

function unavailable(why: string, retryAfterS = RETRY_AFTER_S): Response {
  const headers = new Headers();
  for (const [name, value] of API_SECURITY_HEADERS) headers.set(name, value);
  headers.set('Content-Type', 'application/json');
  headers.set('Retry-After', String(retryAfterS));
  headers.set('Cache-Control', 'no-store');
  return new Response(unavailableBody(why), { status: 503, headers });
}

function writeUnavailable(outgoing: ServerResponse, why: string): void {
  const body = unavailableBody(why);
  for (const [name, value] of API_SECURITY_HEADERS) outgoing.setHeader(name, value);
  outgoing.writeHead(503, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Retry-After': String(RETRY_AFTER_S), 'Cache-Control': 'no-store' });
  outgoing.end(body);
}
