import type { PaperSize } from './agreement-pdf.js';

/**
 * Everything besides the document's version that changes the PDF's bytes: the paper size
 * and its languages (one, or two for a mixed room: the agreement prints both on one
 * sheet; the other documents print in one). `variantId` is the one place that names a
 * variant (in the cache key and the ETag).
 */
export interface PdfVariant {
  size: PaperSize;
  /** One language, or two: the first in full, the second beneath each heading. */
  languages?: readonly string[];
}

export function variantId(variant: PdfVariant): string {
  return variant.languages?.length ? `${variant.size.toLowerCase()}-${variant.languages.join('+')}` : variant.size.toLowerCase();
}

/** Names one rendered PDF: the session, which of its documents, that document's version, the variant. */
export function pdfCacheKey(sessionId: string, versionSeq: number, variant: PdfVariant, document = 'agreement'): string {
  return `${sessionId}:${document}:${versionSeq}:${variantId(variant)}`;
}

interface Entry {
  sessionId: string;
  /** Which of the session's documents (the agreement, the plan): each keeps its own newest version. */
  document: string;
  version: number;
  pdf: Uint8Array<ArrayBuffer>;
}

export interface PdfCacheOptions {
  /** All PDFs held together stay under this many bytes; the least recently used go first. */
  maxBytes?: number;
  /** PDFs held per session (variants of its current version). */
  perSession?: number;
}

/**
 * Rendered PDFs, so each version of a document is drawn once. Only the newest version of
 * each of a session's documents is worth keeping (a request always asks for the current
 * one), so storing a new version drops the older ones of that document. Bounded by bytes overall and by entries per session; a
 * Map's order is its recency (a hit moves the entry to the end).
 */
export class PdfCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxBytes: number;
  private readonly perSession: number;
  bytes = 0;

  constructor(options: PdfCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
    this.perSession = options.perSession ?? 8;
  }

  get(key: string): Uint8Array<ArrayBuffer> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.pdf;
  }

  put(key: string, sessionId: string, version: number, pdf: Uint8Array<ArrayBuffer>, document = 'agreement'): void {
    if (pdf.byteLength > this.maxBytes) return;
    const ofSession = [...this.entries].filter(([, e]) => e.sessionId === sessionId && e.document === document);
    // A render of an older version that finished late is not worth a place.
    if (ofSession.some(([, e]) => e.version > version)) return;
    for (const [k, e] of ofSession) if (e.version < version || k === key) this.drop(k);
    const kept = ofSession.filter(([k, e]) => e.version === version && k !== key).map(([k]) => k);
    while (kept.length >= this.perSession) this.drop(kept.shift()!);
    this.entries.set(key, { sessionId, document, version, pdf });
    this.bytes += pdf.byteLength;
    for (const k of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(k);
    }
  }

  /** Drops every PDF of sessions for which `keep` says no (deleted ones). */
  retain(keep: (sessionId: string) => boolean): void {
    for (const [k, e] of this.entries) if (!keep(e.sessionId)) this.drop(k);
  }

  /** How many PDFs of this session are held. */
  heldFor(sessionId: string): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.sessionId === sessionId) n++;
    return n;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.pdf.byteLength;
  }
}
