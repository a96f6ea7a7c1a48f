import { createHash } from 'node:crypto';
import type { SerialisedParts } from './frame-encoding.js';

/**
 * A content tag per shared part: a hash of the part's JSON, so a tag still matches after
 * a server restart if the part did not change. A phone that reconnects names the tags it
 * holds (X-Part-Tags); the parts whose tags still match are left out of its view and it
 * keeps its copy. After a restart, 2,000 phones then fetch their own small parts, not the
 * walls' cards 2,000 times.
 */
export class ContentTags {
  private readonly tags = new Map<string, string>();

  /** Tags these parts anew (the parts that changed). */
  retag(parts: SerialisedParts): void {
    for (const [key, json] of parts) this.tags.set(key, createHash('sha1').update(json).digest('base64url').slice(0, 16));
  }

  /** Every part's tag. */
  all(): Record<string, string> {
    return Object.fromEntries(this.tags);
  }

  /** The tags of these parts. */
  of(keys: Iterable<string>): Record<string, string> {
    return Object.fromEntries([...keys].map((key) => [key, this.tags.get(key) ?? '']));
  }

  /** The parts a reconnecting phone holds unchanged: those whose tag it names. */
  keptBy(held: ReadonlyMap<string, string> | undefined): string[] {
    if (!held) return [];
    return [...this.tags].filter(([key, tag]) => held.get(key) === tag).map(([key]) => key);
  }
}
