import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../domain/domain-error.js';
import { isClientGone } from './client-gone.js';

/** The one error shape every endpoint answers with. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export function errorBody(code: string, message: string, issues?: ErrorBody['error']['issues']): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** Turns any thrown error into a JSON answer; a stack trace never reaches the client. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof DomainError) return c.json(errorBody(error.code, error.message), error.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 400 ? 'malformed' : status === 413 ? 'too_large' : 'http_error';
    const message = status === 400 && /json/i.test(error.message) ? 'The request body is not valid JSON.' : error.message || 'Request refused.';
    return c.json(errorBody(code, message), status);
  }
  if (isClientGone(error)) {
    // Nothing reaches the client any more; say what happened, in one line.
    console.warn(`client closed the connection before its request arrived whole: ${c.req.method} ${new URL(c.req.url).pathname}`);
    return c.json(errorBody('client_gone', 'The request did not arrive whole.'), 400);
  }
  console.error(`unexpected error on ${c.req.method} ${new URL(c.req.url).pathname}:`, error.message);
  return c.json(errorBody('internal', 'Something went wrong on the server. Please try again.'), 500);
}

export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', `Nothing at ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
}
