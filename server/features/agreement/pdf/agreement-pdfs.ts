import type { SessionRegistry } from '../../../runtime/session-registry.js';
import type { SessionRuntime } from '../../../runtime/session-runtime.js';
import { agreementVersion } from './agreement-version.js';
import type { PdfJob, PdfKind } from './pdf-documents.js';
import { agreementWords } from './agreement-words.js';
import type { Catalogs } from '../../../i18n/catalogs.js';
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

/** One version of a session's document: the log position that names it, what to draw, a digest of it. */
export interface DocumentVersion {
  /** The log position of the last event that changed what the document shows. */
  seq: number;
  job: PdfJob;
  digest: string;
}

/** A kind of document a session can print, and how to find its current version. */
export interface PdfSource {
  kind: PdfKind;
  /** The document as it is now in this variant; null when the session's deck has none. */
  version(runtime: SessionRuntime, variant: PdfVariant): DocumentVersion | null;
}

/**
 * The Partnership Agreement, in the variant's one or two languages (the deck's first when
 * it names none): its headings and closing lines in each from the deck, or else from the
 * agreement pages' catalogs.
 */
export function agreementSource(catalogs: Catalogs): PdfSource {
  return {
    kind: 'agreement',
    version(runtime, variant) {
      const version = agreementVersion(runtime);
      if (!version) return null;
      const languages = variant.languages?.length ? variant.languages : [runtime.deck.languages[0]];
      const words = languages.map((lang) => agreementWords(runtime.deck, catalogs, lang, runtime.state.terms));
      return { seq: version.seq, digest: version.digest, job: { kind: 'agreement', content: version.content, words } };
    },
  };
}

/** What a request for the PDF would get now, known before any rendering. */
export interface PdfRequest {
  runtime: SessionRuntime;
  kind: PdfKind;
  variant: PdfVariant;
  version: DocumentVersion;
  key: string;
  /** Weak: two renders of one version differ in their creation date, not in what they show. */
  etag: string;
}

/**
 * The PDFs of every session of one server: the Partnership Agreement, and the other
 * documents a session prints (the inventory's Leadership Action Plan; pdf-documents.ts).
 * Each version of a document is drawn once, on a worker thread: requests for the version
 * already drawn are answered from memory, and requests that arrive while it is being drawn
 * wait for that same render (single flight). A render whose thread crashed is tried once
 * more on a fresh thread. One pool of threads and one cache serve every kind.
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

  /** What a request for one of this session's PDFs (`source`: its agreement, its plan…) would get now; null for a deck without one. */
  describe(runtime: SessionRuntime, variant: PdfVariant, source: PdfSource): PdfRequest | null {
    const version = source.version(runtime, variant);
    if (!version) return null;
    const key = pdfCacheKey(runtime.id, version.seq, variant, source.kind);
    return { runtime, kind: source.kind, variant, version, key, etag: `W/"${source.kind}-${version.seq}-${variantId(variant)}-${version.digest}"` };
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

  private async render({ runtime, kind, variant, version, key }: PdfRequest): Promise<Uint8Array<ArrayBuffer>> {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        const pdf = await this.pool.render(version.job, variant.size);
        this.renders++;
        this.log(`${kind} PDF rendered: session ${runtime.code}, version ${version.seq}, ${variantId(variant)}, ${Math.round(performance.now() - started)} ms, ${Math.round(pdf.byteLength / 1024)} KB`);
        if (this.registry.get(runtime.code)?.runtime === runtime) this.cache.put(key, runtime.id, version.seq, pdf, kind);
        return pdf;
      } catch (error) {
        if (!(error instanceof RenderError && error.reason === 'crashed' && attempt < 2)) throw error;
      }
    }
  }
}
