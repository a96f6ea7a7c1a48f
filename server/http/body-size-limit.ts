import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses bodies over `maxSize` bytes. A request that declares its length (every browser
 * fetch with a JSON body does) is judged by Content-Length alone: node's parser never
 * reads more than that, and reading the header avoids building a web stream for every
 * request, which is most of hono's bodyLimit cost at a few thousand requests a second.
 * A chunked body (no length given) goes through hono's bodyLimit, which counts as it reads.
 */
export function bodySizeLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > maxSize ? onError(c) : next();
    }
    return counting(c, next);
  };
}
