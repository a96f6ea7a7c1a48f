import { apiClient, type SessionApi, type SuccessBody } from '../shared/live/api-client.js';

/**
 * The plan page's requests. Reading needs only the code; a facilitator's key (kept by this
 * browser when the notes or presenter link was opened) lets the page edit. Each write gets
 * its own Idempotency-Key, so a retried click is applied once.
 */
export function planApi(code: string, key: string | null): SessionApi {
  const send: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    if (key) headers.set('authorization', `Bearer ${key}`);
    if (init?.method && init.method !== 'GET') headers.set('idempotency-key', `plan-${crypto.getRandomValues(new Uint32Array(3)).join('-')}`);
    return fetch(input, { ...init, headers });
  };
  void code;
  return apiClient(send).api.sessions[':code'];
}

/**
 * The client inside a plain object, for handing to a child element through a Lit binding:
 * Lit looks up `_$litDirective$` on every object it binds, and the client's proxy answers
 * any property with a function, which Lit then tries to construct ("is not a constructor").
 */
export interface PlanClient {
  readonly api: SessionApi;
}

export type PlanPage = SuccessBody<Awaited<ReturnType<SessionApi['plan']['$get']>>>;
