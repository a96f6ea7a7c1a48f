import http from 'node:http';

/** What one request got, and how long it took from sending to the last byte of the answer. */
export interface TimedAnswer {
  status: number;
  ms: number;
  bytes: number;
  etag: string | null;
  retryAfter: number;
}

/** One request over `agent`; the body is read and counted, not kept. A network error is status 0. */
export function timedRequest(agent: http.Agent, port: number, method: string, path: string, headers: http.OutgoingHttpHeaders, body?: string): Promise<TimedAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const failed = () => resolve({ status: 0, ms: performance.now() - started, bytes: 0, etag: null, retryAfter: 0 });
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('error', failed);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          bytes,
          etag: typeof res.headers.etag === 'string' ? res.headers.etag : null,
          retryAfter: Number(res.headers['retry-after'] ?? 0),
        }),
      );
    });
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', failed);
    req.end(body);
  });
}

/**
 * A keep-alive agent whose connections come from `address` (127.0.0.x), as one device's
 * would: the server's per-address limits then apply per simulated device.
 */
export const agentFrom = (address: string) => new http.Agent({ keepAlive: true, maxSockets: 64, localAddress: address });
