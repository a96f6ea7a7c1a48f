import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** One HTML page per role; the server maps /present/:code, /notes/:code, /remote/:code and /join/:code to them. */
const web = (page: string) => resolve(import.meta.dirname, 'web', page);

export default defineConfig({
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
        district: web('district.html'),
        remote: web('remote.html'),
        prepare: web('prepare.html'),
      },
    },
  },
});
