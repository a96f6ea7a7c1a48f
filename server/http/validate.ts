import { zValidator } from '@hono/zod-validator';
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import type { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import { ClientGone } from './client-gone.js';
import { errorBody } from './errors.js';

/** `application/json`, optionally with `charset=utf-8`: the only body this API reads. */
const JSON_MEDIA_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Keys that name an object's prototype machinery. JSON.parse makes them plain keys, but a
 * schema's record quietly drops `__proto__`, so `{"ratings": {"__proto__": 5}}` used to
 * arrive as "no ratings" and replace the person's earlier ones. Refused outright instead.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAY_HOLD_FORBIDDEN_KEY = /__proto__|constructor|prototype|\\u/;

/**
 * zValidator with this app's error shape: 400 naming each bad field. Unknown fields are
 * refused by the schemas themselves (z.strictObject), so a typo is never silently ignored.
 * A refused text says `text_broken` (see fields.ts); anything else is `invalid`.
 *
 * For a JSON body, this is also the one place that decides what counts as one:
 * - the body must be sent as `application/json` (415 otherwise): before, a body of another
 *   type was read as `{}`, so `{"round":1}` sent as text/plain started the *next* round;
 * - a client that goes away while sending it is reported as that (ClientGone), not as
 *   malformed JSON or a server error;
 * - no object in it may have a `__proto__`, `constructor` or `prototype` key.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const validator = zValidator(target, schema, (result, c) => (result.success ? undefined : refusal(c, target, result.error)));
  if (target !== 'json') return validator;
  // A JSON body is read, parsed and checked here in one step, synchronously once read:
  // hono's validator read it again from its cache, parsed it a second time and checked
  // it through zod's asynchronous path (no schema here refines asynchronously), a few
  // promises and closures per write that the district's walk makes thousands of a second.
  const readJson: MiddlewareHandler = async (c, next) => {
    const body = await readJsonBody(c);
    if (body instanceof Response) return body;
    const result = schema.safeParse(body.value);
    if (!result.success) return refusal(c, target, result.error);
    c.req.addValidatedData('json', result.data as object);
    return next();
  };
  return readJson as typeof validator;
}

/** 400 naming each bad field; the code is a field's own (`text_broken`) or `invalid`. */
function refusal(c: Context, target: string, error: Pick<z.ZodError, 'issues'>): Response {
  const issues = error.issues.map((issue) => ({
    path: issue.path.join('.') || target,
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  const flagged = error.issues.find((issue) => issue.code === 'custom' && typeof issue.params?.code === 'string');
  const code = flagged?.code === 'custom' ? (flagged.params!.code as string) : 'invalid';
  return c.json(errorBody(code, `Invalid ${target}: ${summary}`, issues), 400);
}

/**
 * The body read and parsed once, or the refusal: not sent as JSON (415) or holding a
 * forbidden key (400). Malformed JSON throws a 400 the error handler words; a client gone
 * while sending is ClientGone, told apart from bad JSON.
 */
async function readJsonBody(c: Context): Promise<Response | { value: unknown }> {
  const type = c.req.header('content-type');
  if (!type || !JSON_MEDIA_TYPE.test(type)) {
    return c.json(errorBody('unsupported_media_type', `Send the body as JSON, with "Content-Type: application/json" (this request said "${(type ?? 'nothing').slice(0, 60)}").`), 415);
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch (error) {
    throw new ClientGone(error);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HTTPException(400, { message: 'Malformed JSON in request body' });
  }
  // Walked only when the text could hold such a key (an escape could spell one).
  const path = MAY_HOLD_FORBIDDEN_KEY.test(text) ? forbiddenKeyPath(value) : null;
  if (!path) return { value };
  const where = path.join('.');
  return c.json(
    errorBody('invalid', `Invalid json: the key "${path.at(-1)}" is not allowed (at ${where}).`, [{ path: where, message: 'is not an allowed key' }]),
    400,
  );
}

/** The path to the first forbidden key, walked without recursion (a 16 KB body can nest thousands deep). */
function forbiddenKeyPath(root: unknown): string[] | null {
  type Step = { value: unknown; key: string; parent: Step | null };
  const pending: Step[] = [{ value: root, key: '', parent: null }];
  while (pending.length > 0) {
    const step = pending.pop()!;
    if (typeof step.value !== 'object' || step.value === null) continue;
    for (const key of Object.keys(step.value)) {
      const child: Step = { value: (step.value as Record<string, unknown>)[key], key, parent: step };
      if (FORBIDDEN_KEYS.has(key)) {
        const path: string[] = [];
        for (let at: Step | null = child; at && at.parent; at = at.parent) path.unshift(at.key);
        return path;
      }
      pending.push(child);
    }
  }
  return null;
}
