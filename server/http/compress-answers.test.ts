import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressAnswers } from './compress-answers.js';
import { precompressAssets } from './precompress-assets.js';
import { testApp } from '../../tests/unit/test-app.js';

describe('answers are compressed where it pays and the client accepts it', () => {
  it('a large JSON answer is gzipped for a browser and plain for a client that names no gzip; a small one stays plain', async () => {
    const t = testApp();
    const { code, leadKey } = await t.startSession();
    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers: { authorization: `Bearer ${leadKey}`, ...headers } });
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    const plain = await get(`/api/sessions/${code}/deck`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const plainText = await plain.text();
    expect(plainText.length).toBeGreaterThan(10_000);
    const zipped = await get(`/api/sessions/${code}/deck`, browser);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(gunzipSync(bytes).toString()).toBe(plainText);
    expect(bytes.byteLength).toBeLessThan(plainText.length / 3);
    const small = await get('/healthz', browser);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toMatchObject({ ok: true });
    const refused = await get(`/api/sessions/${code}/deck`, { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers.get('content-encoding')).toBeNull();
    t.close();
  });

  it('a gzipped script file says its gzipped length, so the browser does not wait for bytes that never come', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-assets-'));
    try {
      const script = `export const words = ${JSON.stringify('partnership '.repeat(400))};`;
      writeFileSync(join(dir, 'page.js'), script);
      const app = new Hono().use('*', compressAnswers()).use('/assets/*', serveStatic({ root: relative(process.cwd(), dir), rewriteRequestPath: (path) => path.replace(/^\/assets/, '') }));
      const res = await app.request('/assets/page.js', { headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
      expect(gunzipSync(bytes).toString()).toBe(script);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a built script is gzipped once, at build time: every browser that accepts gzip gets that file, one that does not gets the script', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-web-'));
    try {
      mkdirSync(join(dir, 'assets', 'fonts'), { recursive: true });
      // Not repetitive, so that gzip's levels give different bytes and the file sent can be told from one gzipped per request.
      const script = `export const rooms = ${JSON.stringify(Array.from({ length: 600 }, (_, i) => `room ${(i * 7919) % 1000} family ${i}`))};`;
      writeFileSync(join(dir, 'assets', 'join-abc123.js'), script);
      writeFileSync(join(dir, 'assets', 'join-abc123.css'), `.card{color:#123}\n`.repeat(200));
      writeFileSync(join(dir, 'assets', 'tiny.js'), 'export const a = 1;');
      writeFileSync(join(dir, 'assets', 'fonts', 'face.woff2'), Buffer.alloc(4096, 7));
      expect(precompressAssets(join(dir, 'assets'))).toEqual(['join-abc123.css.gz', 'join-abc123.js.gz']);
      const onDisk = readFileSync(join(dir, 'assets', 'join-abc123.js.gz'));
      expect(gunzipSync(onDisk).toString()).toBe(script);
      expect(onDisk.equals(gzipSync(script, { level: 6 }))).toBe(false);

      const t = testApp({ webDir: dir });
      const browser = { 'accept-encoding': 'gzip, deflate, br' };
      for (let request = 0; request < 2; request++) {
        const res = await t.app.request('/assets/join-abc123.js', { headers: browser });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-encoding')).toBe('gzip');
        expect(res.headers.get('content-type')).toContain('javascript');
        expect(res.headers.get('vary')).toContain('Accept-Encoding');
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
        expect(bytes.equals(onDisk)).toBe(true);
      }
      const plain = await t.app.request('/assets/join-abc123.js');
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(script);
      t.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
