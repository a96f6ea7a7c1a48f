import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { DomainError } from '../domain/domain-error.js';
import type { OpsLog } from '../ops/ops-log.js';
import { SessionMoved } from '../store/session-store.js';
import { isClientGone } from './client-gone.js';

import type { ErrorBody } from '../contract/wire.js';

/** The one error shape every endpoint answers with (defined in the wire contract). */
export type { ErrorBody };

export function errorBody(code: string, message: string, issues?: ErrorBody['error']['issues']): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/**
 * Turns any thrown error into a JSON answer; a stack trace never reaches the client. An
 * unexpected one is counted in the operations log, and written in full the first time
 * per route in an interval.
 */
export function errorHandler(log: Pick<OpsLog, 'requestFailed'>) {
  return (error: Error, c: Context): Response => handleError(error, c, log);
}

function handleError(error: Error, c: Context, log: Pick<OpsLog, 'requestFailed'>): Response {
  if (error instanceof DomainError) return c.json(errorBody(error.code, error.message), error.status);
  // Several instances: the session moved while this write was under way; nothing of it was stored.
  if (error instanceof SessionMoved) {
    c.header('Retry-After', '1');
    return c.json(errorBody('session_moving', 'This session has just moved to another server. Nothing was saved: try again in a second.'), 503);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 400 ? 'malformed' : status === 413 ? 'too_large' : 'http_error';
    const message = status === 400 && /json/i.test(error.message) ? 'The request body is not valid JSON.' : error.message || 'Request refused.';
    return c.json(errorBody(code, message), status);
  }
  if (isClientGone(error)) {
    // Nothing reaches the client any more: a phone that walked out of Wi-Fi mid-upload is
    // ordinary, not a server error. The API envelope counts it as a client abort (it sees
    // the destroyed response), so it is not counted here too.
    return c.json(errorBody('client_gone', 'The request did not arrive whole.'), 400);
  }
  log.requestFailed(c.req.method, routePath(c, -1), error);
  return c.json(errorBody('internal', 'Something went wrong on the server. Please try again.'), 500);
}

export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', `Nothing at ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
}
