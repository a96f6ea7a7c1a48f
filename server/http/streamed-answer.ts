import type { Context } from 'hono';
import { pieceStream } from '../exports/export-stream.js';
import { acceptsGzip } from './accepts-gzip.js';
import { COMPRESSIBLE } from './compress-answers.js';

/**
 * A file sent as it is written, piece by piece (export-stream.ts). compressAnswers gzips an
 * answer by reading it whole, which would hold the whole file again, so a streamed file of
 * a type it compresses is gzipped here as it goes and passes compressAnswers as already
 * encoded. That holds a compressor for the download's length, where compressAnswers holds
 * none: fine for a facilitator's occasional download, not for every phone's answers.
 */
export function streamedAnswer(c: Context, pieces: Generator<string>, headers: { 'Content-Type': string; 'Content-Disposition': string }): Response {
  const body = pieceStream(pieces);
  if (!COMPRESSIBLE.test(headers['Content-Type']) || !acceptsGzip(c.req.header('accept-encoding'))) return c.body(body, 200, headers);
  return c.body(body.pipeThrough(new CompressionStream('gzip')), 200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
}
