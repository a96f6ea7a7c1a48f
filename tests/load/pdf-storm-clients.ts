/**
 * The PDF storm's clients, run by pdf-storm.ts as a process of their own: the answers to
 * hundreds of PDF downloads keep an event loop busy, and the probes that time /healthz and
 * the participant write must not wait behind them in the harness's own loop.
 *
 * Each client fetches the agreement PDF in a loop from its own loopback address (one in
 * four asks for A4); even ones revalidate with the ETag they last got, as a browser with
 * the file cached would.
 * Told to wait (429, 503), a client waits Retry-After, as a person tapping again would.
 * Sends `{ statuses, bytes }` to its parent when the time is up.
 */
import { parseArgs } from 'node:util';
import { sleep } from './http-client.js';
import { agentFrom, timedRequest } from './timed-request.js';

const { values: args } = parseArgs({ options: { port: { type: 'string' }, path: { type: 'string' }, clients: { type: 'string' }, until: { type: 'string' } } });
const port = Number(args.port);
const stopAt = Number(args.until);
const statuses: Record<string, number> = {};
let bytes = 0;

await Promise.all(
  Array.from({ length: Number(args.clients) }, async (_, i) => {
    const agent = agentFrom(`127.0.0.${10 + i}`);
    const revalidates = i % 2 === 0;
    const path = i % 4 === 3 ? `${args.path}?size=a4` : args.path!;
    let etag: string | null = null;
    while (Date.now() < stopAt) {
      const answer = await timedRequest(agent, port, 'GET', path, revalidates && etag ? { 'if-none-match': etag } : {});
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      bytes += answer.bytes;
      if (answer.status === 200 && answer.etag) etag = answer.etag;
      const wait = answer.status === 429 || answer.status === 503 ? Math.max(1, answer.retryAfter) * 1000 : answer.status === 0 ? 200 : 0;
      if (wait > 0) await sleep(Math.min(wait, stopAt - Date.now()));
    }
    agent.destroy();
  }),
);
process.send!({ statuses, bytes }, () => process.exit(0));
