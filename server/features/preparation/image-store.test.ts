import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageStore, sniffImage } from './image-store.js';
import { TINY_JPEG, TINY_PNG } from './test-images.js';

describe('sniffImage', () => {
  it('knows a PNG and a JPEG by their bytes', () => {
    expect(sniffImage(TINY_PNG)).toBe('png');
    expect(sniffImage(TINY_JPEG)).toBe('jpeg');
  });

  it('refuses what only claims to be an image', () => {
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImage(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBeNull();
    // A PNG signature with no image header after it, and a JPEG cut short.
    expect(sniffImage(TINY_PNG.subarray(0, 10))).toBeNull();
    expect(sniffImage(TINY_JPEG.subarray(0, TINY_JPEG.length - 2))).toBeNull();
  });
});

describe('ImageStore', () => {
  it('keeps an image in the data folder under the hash of its bytes, once', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-images-'));
    const store = new ImageStore(dataDir);
    const first = store.save(TINY_PNG);
    const again = store.save(TINY_PNG);
    expect(first.name).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(again.name).toBe(first.name);
    expect(readdirSync(join(dataDir, 'images'))).toEqual([first.name]);
    expect(store.read(first.name)).toEqual({ bytes: Buffer.from(TINY_PNG), contentType: 'image/png' });
    expect(store.read(store.save(TINY_JPEG).name)?.contentType).toBe('image/jpeg');
  });

  it('reads nothing outside its folder and nothing it did not store', () => {
    const store = new ImageStore(mkdtempSync(join(tmpdir(), 'pd-images-')));
    expect(store.read('../partnerdeck.sqlite')).toBeNull();
    expect(store.read(`${'a'.repeat(64)}.png`)).toBeNull();
    expect(() => store.save(Buffer.from('not an image'))).toThrow();
  });
});
