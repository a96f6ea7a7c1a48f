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

/** Sent with every page and file (everything outside /api/). */
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

/**
 * Those of SECURITY_HEADERS that mean something on the API's answers (JSON, CSV, PDF, ZIP,
 * the live stream), which are never a page that runs scripts, opens windows or prefetches:
 * the policy (a PDF may open in a tab), framing, sniffing, referrers, HTTPS, and who may
 * embed the bytes. The other six speak to documents (COOP, Origin-Agent-Cluster, DNS
 * prefetching) or to browsers no phone runs (IE's download and XSS filters, Flash's
 * policy files). Every sticker's answer carries them: twelve headers were a tenth of
 * what a request allocated in the 10,000-phone walk, and half of that went.
 */
const FOR_DOCUMENTS_ONLY = new Set([
  'Cross-Origin-Opener-Policy',
  'Origin-Agent-Cluster',
  'X-DNS-Prefetch-Control',
  'X-Download-Options',
  'X-Permitted-Cross-Domain-Policies',
  'X-XSS-Protection',
]);
export const API_SECURITY_HEADERS: readonly (readonly [string, string])[] = SECURITY_HEADERS.filter(([name]) => !FOR_DOCUMENTS_ONLY.has(name));

/** The headers for a request's answer: the API's set under /api/, the pages' set elsewhere. */
export function securityHeadersFor(path: string): readonly (readonly [string, string])[] {
  return path.startsWith('/api/') ? API_SECURITY_HEADERS : SECURITY_HEADERS;
}

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
export function withHeaders(headersFor: (path: string) => readonly (readonly [string, string])[]): MiddlewareHandler {
  return async (c, next) => {
    const headers = headersFor(c.req.path);
    const outgoing = nodeResponse(c);
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
