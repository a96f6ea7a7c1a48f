import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PaperSize } from './agreement-pdf.js';
import type { PdfJob } from './pdf-documents.js';
import type { RenderReply, RenderRequest } from './pdf-worker.js';
import type { ReportContent } from '../../series/report-pdf.js';

/** Every renderer is busy and the waiting line is full: the caller should come back later. */
export class RenderQueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Every PDF renderer is busy and the queue is full.');
  }
}

/**
 * A render that did not produce a PDF: its thread died under it (`crashed`, worth one more
 * try on a fresh thread), it ran past the time limit (`timed-out`), pdfkit refused the
 * content (`refused`), or the pool was shut down (`closed`).
 */
export class RenderError extends Error {
  constructor(
    readonly reason: 'crashed' | 'timed-out' | 'refused' | 'closed',
    message: string,
  ) {
    super(message);
  }
}

export interface PdfRenderPoolOptions {
  /** Renderer threads; by default one per core beyond the server's own, at least 1, at most 2. */
  threads?: number;
  /** Renders that may wait for a free thread; one more is refused with RenderQueueFullError. */
  maxWaiting?: number;
  /** A render that takes longer stops its thread (a runaway layout must not hold it forever). */
  timeoutMs?: number;
  /** An idle thread is stopped after this long, giving its memory back; the next render starts one. */
  idleMs?: number;
}

interface Job {
  request: Omit<RenderRequest, 'id'>;
  resolve: (pdf: Uint8Array<ArrayBuffer>) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null;
  idleTimer: NodeJS.Timeout | null;
  /** Set when the pool itself stops the thread, so its exit is not taken for a crash. */
  retiring: boolean;
  /** What stopped it, when something did. */
  failure: { reason: 'crashed' | 'timed-out'; why: string } | null;
}

const ENTRY = new URL('./pdf-worker-entry.mjs', import.meta.url);

/**
 * A few worker threads that render PDFs (every kind in pdf-documents.ts), with a bounded line of renders waiting
 * for them. Threads start on demand and stop when idle. A thread that crashes or hangs is
 * replaced; the render it held is rejected (the caller decides whether to try again), the
 * ones waiting carry on with the new thread, and the server never goes down with it.
 */
export class PdfRenderPool {
  private readonly size: number;
  private readonly maxWaiting: number;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Threads started so far, replacements included. */
  started = 0;
  /** Threads that died or were stopped while rendering. */
  crashes = 0;

  constructor(options: PdfRenderPoolOptions = {}) {
    this.size = Math.max(1, options.threads ?? Math.min(2, availableParallelism() - 1));
    this.maxWaiting = Math.max(0, options.maxWaiting ?? 16);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.idleMs = options.idleMs ?? 300_000;
  }

  /** Renders one PDF on a worker thread. Rejects at once with RenderQueueFullError when the line is full. */
  render(job: PdfJob, size: PaperSize): Promise<Uint8Array<ArrayBuffer>> {
    return this.renderDocument({ job, size });
  }

  /** Renders a series session's feedback-loop report on the same threads and line. */
  renderReport(content: ReportContent, size: PaperSize): Promise<Uint8Array<ArrayBuffer>> {
    return this.renderDocument({ job: { kind: 'report', content }, size });
  }

  private renderDocument(request: Omit<RenderRequest, 'id'>): Promise<Uint8Array<ArrayBuffer>> {
    if (this.closed) return Promise.reject(new RenderError('closed', 'The PDF renderer is shut down.'));
    if (this.pending >= this.size + this.maxWaiting) return Promise.reject(new RenderQueueFullError(2));
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts a thread ahead of the first render when none is running: loading pdfkit and
   * its fonts on a fresh thread takes a second or more, better spent while a person is
   * still reading the agreement (or plan) page than after they tap Download.
   */
  warm(): void {
    if (this.closed || this.slots.size > 0) return;
    this.rest(this.spawn());
  }

  /** Renders running or waiting. */
  get pending(): number {
    return this.waiting.length + [...this.slots].filter((s) => s.job).length;
  }

  /** The live threads (to watch them in tests and diagnostics). */
  threads(): Worker[] {
    return [...this.slots].filter((s) => !s.retiring).map((s) => s.worker);
  }

  /** Stops every thread; renders running or waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new RenderError('closed', 'The PDF renderer is shut down.'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = [...this.slots].find((s) => !s.job && !s.retiring);
      if (!slot && this.slots.size < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.waiting.shift()!;
      const id = this.nextId++;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      const timer = setTimeout(() => {
        slot.failure = { reason: 'timed-out', why: `a render took longer than ${this.timeoutMs / 1000} s` };
        void slot.worker.terminate();
      }, this.timeoutMs);
      slot.job = { ...job, id, timer };
      slot.worker.ref();
      slot.worker.postMessage({ id, ...job.request } satisfies RenderRequest);
    }
  }

  private spawn(): Slot {
    // No inherited node flags (the server's heap limit, a profiler) and a heap of its own:
    // a render that ran away with memory would end its thread, not the server.
    const worker = new Worker(ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 96 } });
    const slot: Slot = { worker, job: null, idleTimer: null, retiring: false, failure: null };
    this.slots.add(slot);
    this.started++;
    worker.unref();
    worker.on('message', (reply: RenderReply) => this.finish(slot, reply));
    worker.on('error', (error) => (slot.failure ??= { reason: 'crashed', why: error.message }));
    worker.on('exit', (code) => {
      this.slots.delete(slot);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      const job = slot.job;
      if (job) {
        clearTimeout(job.timer);
        if (slot.retiring) {
          job.reject(new RenderError('closed', 'The PDF renderer is shut down.'));
        } else {
          this.crashes++;
          const { reason, why } = slot.failure ?? { reason: 'crashed' as const, why: `it exited with code ${code}` };
          console.error(`The PDF renderer stopped while drawing a PDF (${why}); a new one takes over.`);
          job.reject(new RenderError(reason, `The PDF renderer stopped: ${why}.`));
        }
      }
      if (!this.closed) this.dispatch();
    });
    return slot;
  }

  private finish(slot: Slot, reply: RenderReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(job.timer);
    slot.job = null;
    if ('pdf' in reply) job.resolve(reply.pdf);
    else job.reject(new RenderError('refused', reply.error));
    this.dispatch();
    if (!slot.job) this.rest(slot);
  }

  /** An idle thread need not keep the process alive, and after a while it gives its memory back. */
  private rest(slot: Slot): void {
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.retire(slot), this.idleMs);
    slot.idleTimer.unref();
  }

  private async retire(slot: Slot): Promise<void> {
    slot.retiring = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    await slot.worker.terminate();
  }
}
