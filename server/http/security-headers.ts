import type { MiddlewareHandler } from 'hono';
import type { ServerResponse } from 'node:http';

/**
 * The content security policy allows what the pages need and nothing else: scripts,
 * styles, fonts and live updates from this server only. Lit falls back to <style>
 * elements on phones without constructable stylesheets, hence 'unsafe-inline' for styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The phone's offline shell: a service worker from this server only (/sw.js).
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  // Only this server's own pages may frame one: the preparation page previews the slides in a frame.
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

/** Sent with every answer, pages and API alike. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/** The node response behind a request, when the app runs on node's HTTP server. */
export function nodeResponse(c: { env: unknown }): ServerResponse | undefined {
  return (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
}

/**
 * Headers every answer carries. On node's server they are put on the outgoing response
 * before the handler runs, and node merges them with the handler's own: setting them on
 * the finished web Response instead turned each answer's light header object into a full
 * Headers instance and cost a tenth of a sticker's time under load. Elsewhere (tests
 * calling app.request) they are set on the finished Response, where they do not win over
 * a header the handler chose.
 */
export function withHeaders(headers: readonly (readonly [string, string])[]): MiddlewareHandler {
  return async (c, next) => {
    const outgoing = nodeResponse(c);
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
