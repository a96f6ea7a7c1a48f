import type { Context, MiddlewareHandler, Next } from 'hono';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { acceptsGzip } from './accepts-gzip.js';

const gzipAsync = promisify(gzip);

/** Answers smaller than this go as they are: the gzip header and a round trip cost more than they save. */
export const COMPRESS_MIN_BYTES = 1024;
export const COMPRESSIBLE = /^(application\/json|text\/html|text\/css|text\/plain|text\/javascript|application\/javascript|image\/svg\+xml)/;

/**
 * Gzips the answers worth it (JSON, HTML, scripts, styles, SVG of 1 KB or more) for a client
 * that accepts gzip. The body is compressed whole on node's thread pool (zlib.gzip), not
 * through a compressor held open per connection: at most four compress at once whatever
 * the number of clients, each for a few milliseconds, so a room of phones loading the page
 * holds no per-connection compression state. Answers already encoded (a wall page, gzipped
 * once for every phone) and the live stream pass untouched.
 */
export function compressAnswers(): MiddlewareHandler {
  // Only reads: a write answers with what its command decided (a few fields; the largest, a
  // facilitator's edit of a prepared slide, goes to a laptop). A write passes straight on,
  // without waiting on it here: that wait was a cost per sticker in a district's walk.
  return (c, next) => (c.req.method === 'GET' ? compressRead(c, next) : next());
}

async function compressRead(c: Context, next: Next): Promise<void> {
  await next();
  const res = c.res;
  if (!acceptsGzip(c.req.header('accept-encoding'))) return;
  if (res.status !== 200 || !res.body || res.headers.has('content-encoding')) return;
  if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
  const plain = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  if (plain.byteLength < COMPRESS_MIN_BYTES) {
    c.res = new Response(plain, { status: res.status, headers });
    return;
  }
  const zipped = await gzipAsync(plain, { level: 6 });
  headers.set('Content-Encoding', 'gzip');
  headers.delete('Content-Length');
  headers.append('Vary', 'Accept-Encoding');
  c.res = new Response(new Uint8Array(zipped), { status: res.status, headers });
  // Hono copies the headers of the answer being replaced onto the new one, so a length set
  // by the handler (serveStatic sets the file's) would come back and promise more bytes than
  // are sent: the browser would wait for the rest until the connection times out.
  c.res.headers.set('Content-Length', String(zipped.byteLength));
}
