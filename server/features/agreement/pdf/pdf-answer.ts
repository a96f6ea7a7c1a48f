import type { Context } from 'hono';
import type { AppEnv } from '../../../http/app-env.js';
import { errorBody } from '../../../http/errors.js';
import type { AgreementPdfs, PdfRequest } from './agreement-pdfs.js';
import { RenderError, RenderQueueFullError } from './pdf-render-pool.js';

/** Does an If-None-Match header name this (weak) ETag? Compared weakly, as RFC 9110 asks for GET. */
export function namesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * The answer to a PDF download, whatever the document: 304 when the caller holds this
 * version, else the bytes (stored, or drawn now on a renderer thread); 503 with
 * Retry-After when every renderer is busy and the line is full; 500 when it cannot be drawn.
 */
export async function answerPdf(c: Context<AppEnv>, pdfs: AgreementPdfs, request: PdfRequest, fileName: string): Promise<Response> {
  // Stored, but asked about again each time: an edit to the document must show at once.
  const cache = { ETag: request.etag, 'Cache-Control': 'no-cache' };
  if (namesEtag(c.req.header('if-none-match'), request.etag)) return c.body(null, 304, cache);
  let pdf: Uint8Array<ArrayBuffer>;
  try {
    pdf = await pdfs.pdf(request);
  } catch (error) {
    if (error instanceof RenderQueueFullError) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json(errorBody('busy', `The server is busy drawing other PDFs. Try again in ${error.retryAfterSeconds} s.`), 503);
    }
    if (error instanceof RenderError) {
      console.error(`${request.kind} PDF for session ${request.runtime.code} not made: ${error.message}`);
      return c.json(errorBody('pdf_failed', 'The PDF could not be made. Please try again.'), 500);
    }
    throw error;
  }
  return c.body(pdf, 200, { ...cache, 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${fileName}"` });
}
