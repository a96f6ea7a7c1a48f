import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getMimeType } from 'hono/utils/mime';
import { COMPRESS_MIN_BYTES, COMPRESSIBLE } from './compress-answers.js';

/**
 * Writes `<file>.gz` beside every built asset worth compressing (the same rule as for
 * answers: scripts, styles, SVG, JSON of 1 KB or more), at the highest level, once per build.
 * The server then sends that file to a browser that accepts gzip (serveStatic's
 * `precompressed`), instead of gzipping the same script again for every phone that loads
 * the page. Returns the files written, relative to `dir`.
 */
export function precompressAssets(dir: string): string[] {
  const written: string[] = [];
  const visit = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = prefix + entry.name;
      if (entry.isDirectory()) {
        visit(path, `${name}/`);
        continue;
      }
      if (entry.name.endsWith('.gz') || !COMPRESSIBLE.test(getMimeType(entry.name) ?? '')) continue;
      if (statSync(path).size < COMPRESS_MIN_BYTES) continue;
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
      written.push(`${name}.gz`);
    }
  };
  visit(dir, '');
  return written.sort();
}
