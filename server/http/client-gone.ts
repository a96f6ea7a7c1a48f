/**
 * The client closed its connection before its request had arrived whole (a phone that
 * lost the Wi-Fi mid-upload, a tab closed while sending). Ordinary client behaviour: it is
 * logged in one line, never as an unexpected error, and nothing was applied.
 */
export class ClientGone extends Error {
  constructor(cause?: unknown) {
    super('The client closed the connection before its request arrived whole.', { cause });
  }
}

const TRANSPORT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * Whether an error thrown while serving a request means the client went away: node's
 * "aborted" (a reset while its body was read: hono's body limit reads chunked bodies
 * itself) or a body read that failed for it.
 */
export function isClientGone(error: unknown): boolean {
  if (error instanceof ClientGone) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TRANSPORT_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return message === 'aborted' || /prematurely closed/i.test(message);
}
