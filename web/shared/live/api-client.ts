import { hc, type ClientResponse } from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../../server/app.js';
import { LOG_SEQ_HEADER, type ErrorBody } from '../../../server/contract/wire.js';

/**
 * Every request a page makes goes through hono's typed client over the server's own route
 * types (server/app.ts exports AppType): a path, a body or a reply field that does not
 * match a route fails `npm run typecheck`. Pages that hold a session send through its
 * outbox (see live-session.ts); the others through the browser's fetch.
 */
export type Api = ReturnType<typeof hc<AppType>>;
/** The routes of one session, `/api/sessions/:code/…`. */
export type SessionApi = Api['api']['sessions'][':code'];

export function apiClient(fetch?: typeof globalThis.fetch): Api {
  return hc<AppType>('/', fetch ? { fetch } : undefined);
}

/** A refusal from the server, with its code (`budget_spent`, `activity_closed`…) for the page to explain. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function apiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  return new ApiError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? `The server answered ${res.status}.`);
}

type AnyResponse = ClientResponse<unknown, number, ResponseFormat>;
/** The JSON a route answers with when it succeeds, from the route's own types. */
export type SuccessBody<R> = R extends ClientResponse<infer T, infer S, infer F> ? (S extends SuccessStatusCode ? (F extends 'json' ? T : never) : never) : never;

/** A request's success body and the log position its write was committed at; a refusal is thrown as ApiError. */
export async function reply<R extends AnyResponse>(request: Promise<R>): Promise<{ body: SuccessBody<R>; seq: number }> {
  const res = await request;
  if (!res.ok) throw await apiError(res);
  return { body: (await res.json()) as SuccessBody<R>, seq: Number(res.headers.get(LOG_SEQ_HEADER) ?? 0) };
}

/** A request's success body; a refusal is thrown as ApiError. */
export async function bodyOf<R extends AnyResponse>(request: Promise<R>): Promise<SuccessBody<R>> {
  return (await reply(request)).body;
}
