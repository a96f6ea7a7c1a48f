import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An uploaded slide image may be this large: a photo from a phone, resized, fits easily. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export type ImageType = 'png' | 'jpeg';

const CONTENT_TYPES: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg' };

/** The eight bytes every PNG file starts with. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What the bytes are, by their content, never by the name or the type the sender claims:
 * a PNG (its signature, then an IHDR chunk) or a JPEG (SOI then another marker, and the
 * EOI marker at the end). Anything else, an SVG or HTML dressed up as an image included,
 * is null.
 */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.subarray(0, 8).equals(PNG_SIGNATURE) && b.toString('latin1', 12, 16) === 'IHDR') return 'png';
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9) return 'jpeg';
  return null;
}

/** A stored image's name: the hash of its bytes and its type, so the same image is stored once and a name never changes meaning. */
const IMAGE_NAME = /^[0-9a-f]{64}\.(png|jpg)$/;

/**
 * Slide images a school uploads in preparation, kept in the data folder (`images/`) and
 * served from this server, so the projector never loads anything from elsewhere. Files
 * are named by the SHA-256 of their bytes: unguessable, immutable, deduplicated.
 */
export class ImageStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    // Made on the first upload: a data folder without slide images stays as it was.
    this.dir = join(dataDir, 'images');
  }

  /** Stores checked image bytes; returns the file's name. Throws on anything else (the route checks first). */
  save(bytes: Uint8Array): { name: string; type: ImageType } {
    const type = sniffImage(bytes);
    if (!type) throw new Error('not a PNG or JPEG image');
    if (bytes.byteLength > MAX_IMAGE_BYTES) throw new Error('image too large');
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${type === 'png' ? 'png' : 'jpg'}`;
    mkdirSync(this.dir, { recursive: true });
    // Written under a temporary name, then renamed: a reader never sees half a file.
    const temporary = join(this.dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temporary, bytes);
    renameSync(temporary, join(this.dir, name));
    return { name, type };
  }

  /** A stored image's bytes and content type, or null for a name that is not one. */
  read(name: string): { bytes: Buffer; contentType: string } | null {
    if (!IMAGE_NAME.test(name)) return null;
    try {
      const bytes = readFileSync(join(this.dir, name));
      return { bytes, contentType: CONTENT_TYPES[name.endsWith('.png') ? 'png' : 'jpeg'] };
    } catch {
      return null;
    }
  }
}

/** Where the pages load a stored image from: the same origin, a path the slide renderer accepts. */
export function imagePath(name: string): string {
  return `/images/${name}`;
}
