import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { PaperSize } from './agreement-pdf.js';
import { drawPdf, type PdfJob } from './pdf-documents.js';

/**
 * One PDF renderer thread: it draws one document at a time (an agreement, a plan: see
 * pdf-documents.ts) and sends the bytes back, so
 * the tenth of a second or more that pdfkit spends loading fonts and laying out text never
 * blocks the server's event loop. The protocol with `PdfRenderPool`:
 *
 *   pool → worker   { id, job: { kind, content, … }, size }   an agreement's job carries its words in its one or two languages
 *   worker → pool   { id, pdf }       the PDF's bytes (their buffer is transferred, not copied)
 *                   { id, error }     pdfkit refused; the worker carries on
 */
export interface RenderRequest {
  id: number;
  job: PdfJob;
  size: PaperSize;
}

export type RenderReply = { id: number; pdf: Uint8Array<ArrayBuffer> } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs as a worker thread (see pdf-render-pool.ts)');

// On a two-core laptop a render competes for a core with the thread that answers the
// room; the room should win. Linux sets a nice value per thread, named by its thread id.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), 10);
} catch {
  // Not Linux: the renderer runs at the server's priority.
}

port.on('message', async ({ id, job, size }: RenderRequest) => {
  try {
    const pdf = await drawPdf(job, size);
    // pdfkit's Buffer may sit inside node's shared pool: send a copy that owns its memory,
    // and move that copy to the server's thread rather than copying it again.
    const own = new Uint8Array(pdf.byteLength);
    own.set(pdf);
    port.postMessage({ id, pdf: own } satisfies RenderReply, [own.buffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});
