import type { SessionRegistry } from '../../../runtime/session-registry.js';
import type { SessionRuntime } from '../../../runtime/session-runtime.js';
import { agreementVersion, type AgreementVersion } from './agreement-version.js';
import type { AgreementWords } from './agreement-words.js';
import { PdfCache, pdfCacheKey, variantId, type PdfCacheOptions, type PdfVariant } from './pdf-cache.js';
import { PdfRenderPool, RenderError, type PdfRenderPoolOptions } from './pdf-render-pool.js';

export interface AgreementPdfsOptions {
  pool?: PdfRenderPoolOptions;
  cache?: PdfCacheOptions;
  /** How often PDFs of deleted sessions are let go. */
  sweepMs?: number;
  /** Where the one line per render goes (the operator's terminal by default). */
  log?: (line: string) => void;
}

/** What a request for the PDF would get now, known before any rendering. */
export interface PdfRequest {
  runtime: SessionRuntime;
  variant: PdfVariant;
  /** The agreement's words in the variant's languages (agreement-words.ts). */
  words: AgreementWords[];
  version: AgreementVersion;
  key: string;
  /** Weak: two renders of one version differ in their creation date, not in what they show. */
  etag: string;
}

/**
 * The agreement's PDFs for every session of one server. Each version of an agreement is
 * drawn once, on a worker thread: requests for the version already drawn are answered
 * from memory, and requests that arrive while it is being drawn wait for that same render
 * (single flight). A render whose thread crashed is tried once more on a fresh thread.
 */
export class AgreementPdfs {
  readonly pool: PdfRenderPool;
  readonly cache: PdfCache;
  /** PDFs actually drawn. */
  renders = 0;
  private readonly flights = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  private readonly log: (line: string) => void;
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly registry: SessionRegistry,
    options: AgreementPdfsOptions = {},
  ) {
    this.pool = new PdfRenderPool(options.pool);
    this.cache = new PdfCache(options.cache);
    this.log = options.log ?? ((line) => console.log(line));
    // A deleted session's text must not linger in memory.
    this.sweep = setInterval(() => this.forgetDeleted(), options.sweepMs ?? 10_000);
    this.sweep.unref();
  }

  /** What a request for this session's PDF would get now; null for a deck without an agreement. */
  describe(runtime: SessionRuntime, variant: PdfVariant, words: AgreementWords[]): PdfRequest | null {
    const version = agreementVersion(runtime);
    if (!version) return null;
    const key = pdfCacheKey(runtime.id, version.seq, variant);
    return { runtime, variant, words, version, key, etag: `W/"agreement-${version.seq}-${variantId(variant)}-${version.digest}"` };
  }

  /** The PDF's bytes: from memory, from the render already under way, or from a new render. */
  pdf(request: PdfRequest): Promise<Uint8Array<ArrayBuffer>> {
    const held = this.cache.get(request.key);
    if (held) return Promise.resolve(held);
    let flight = this.flights.get(request.key);
    if (!flight) {
      flight = this.render(request).finally(() => this.flights.delete(request.key));
      this.flights.set(request.key, flight);
    }
    return flight;
  }

  /** Lets go of the PDFs of sessions the server no longer has. */
  forgetDeleted(): void {
    const live = new Set(this.registry.all().map((s) => s.runtime.id));
    this.cache.retain((sessionId) => live.has(sessionId));
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
    await this.pool.close();
  }

  private async render({ runtime, variant, words, version, key }: PdfRequest): Promise<Uint8Array<ArrayBuffer>> {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        const pdf = await this.pool.render(version.content, variant.size, words);
        this.renders++;
        this.log(`agreement PDF rendered: session ${runtime.code}, version ${version.seq}, ${variantId(variant)}, ${Math.round(performance.now() - started)} ms, ${Math.round(pdf.byteLength / 1024)} KB`);
        if (this.registry.get(runtime.code)?.runtime === runtime) this.cache.put(key, runtime.id, version.seq, pdf);
        return pdf;
      } catch (error) {
        if (!(error instanceof RenderError && error.reason === 'crashed' && attempt < 2)) throw error;
      }
    }
  }
}
