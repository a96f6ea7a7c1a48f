import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressAnswers } from './compress-answers.js';
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
});
