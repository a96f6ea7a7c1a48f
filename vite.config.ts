import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { precompressAssets } from './server/http/precompress-assets.js';

/** One HTML page per role; the server maps /present/:code, /notes/:code, /remote/:code and /join/:code to them. */
const web = (page: string) => resolve(import.meta.dirname, 'web', page);

/**
 * Writes the phone's service worker (web/offline/service-worker.js, hand-written) to
 * `dist/sw.js`, preceded by the list of files the phone page needs (its entry, every chunk
 * it imports and its CSS, from this build's bundle) and a version digest of that list.
 */
function serviceWorker(): Plugin {
  return {
    name: 'partnerdeck-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const entry = chunks.find((chunk) => chunk.isEntry && chunk.name === 'join');
      if (!entry) throw new Error('the phone page (join) is not in the bundle');
      const files = new Set<string>();
      const visit = (fileName: string) => {
        if (files.has(fileName)) return;
        files.add(fileName);
        const chunk = byFile.get(fileName);
        chunk?.imports.forEach(visit);
        chunk?.viteMetadata?.importedCss.forEach((css) => files.add(css));
      };
      visit(entry.fileName);
      const precache = [...files].sort().map((file) => `/${file}`);
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(web('offline/service-worker.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = ${JSON.stringify(version)};\n${source}`,
      });
    },
  };
}

/**
 * Gzips the built scripts and styles once, as `dist/assets/<file>.gz`: the server sends
 * those to every phone instead of compressing the same file again on each request.
 */
function precompressed(): Plugin {
  let outDir = '';
  return {
    name: 'partnerdeck-precompressed-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      precompressAssets(resolve(outDir, 'assets'));
    },
  };
}

/**
 * The printable pages (agreement, plan, board, partnership plan) share one head: the
 * charset, the phone-width viewport, no favicon request, the title and the screen and print
 * colours. A page asks for it with `<!-- printable-page-head -->` at the top of its
 * `<head>` and keeps only what is its own there (its message catalog, a body font, its
 * script). Written in before Vite reads the page, so the styles are minified as before.
 */
const PRINTABLE_HEAD_MARK = '<!-- printable-page-head -->';
const PRINTABLE_HEAD = `<meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Partnerdeck</title>
    <style>
      body { margin: 0; background: var(--pd-canvas); color: var(--pd-ink); }
      @page { margin: 0.5in; }
      @media print { body { background: var(--pd-surface); } }
    </style>`;

function printablePageHead(): Plugin {
  return {
    name: 'partnerdeck-printable-page-head',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace(PRINTABLE_HEAD_MARK, PRINTABLE_HEAD),
    },
  };
}

export default defineConfig({
  plugins: [printablePageHead(), serviceWorker(), precompressed()],
  root: 'web',
  base: '/',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        index: web('index.html'),
        present: web('present.html'),
        notes: web('notes.html'),
        join: web('join.html'),
        agreement: web('agreement.html'),
        plan: web('plan.html'),
        board: web('board.html'),
        partnershipPlan: web('partnership-plan.html'),
        district: web('district.html'),
        remote: web('remote.html'),
        prepare: web('prepare.html'),
      },
    },
  },
});
