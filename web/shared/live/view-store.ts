import type { StreamMessage } from '../../../server/contract/wire.js';

type Tags<P> = Partial<Record<keyof P & string, string>>;

/**
 * The parts of one role's view as this page holds them, built from the stream's messages
 * (server/contract/wire.ts): a `view` replaces them all but the shared parts the server saw
 * this page still holds (`kept`), a `patch` replaces the parts it names.
 *
 * A page may also show its own write at once from the write's answer (applyLocal). Such a
 * part stays until a message made at or after that write's log position arrives: an older
 * message (it may overtake the answer, on the other connection) would put it back.
 */
export class ViewStore<P extends object> {
  parts: Partial<P> = {};
  /** The log position the parts show. */
  seq = 0;
  private tags: Tags<P> = {};
  private readonly localSeq = new Map<keyof P, number>();

  part<K extends keyof P>(name: K): P[K] | undefined {
    return this.parts[name];
  }

  apply(message: StreamMessage<P>): void {
    const { data } = message;
    const incoming: Partial<P> = { ...data.parts };
    for (const [part, seq] of this.localSeq) {
      if (data.seq >= seq) this.localSeq.delete(part);
      else if (part in incoming) incoming[part] = this.parts[part];
    }
    if (message.event === 'view') {
      const kept: Partial<P> = {};
      for (const name of message.data.kept ?? []) if (name in this.parts) kept[name] = this.parts[name];
      this.parts = { ...kept, ...incoming };
      this.tags = { ...data.tags };
    } else {
      this.parts = { ...this.parts, ...incoming };
      Object.assign(this.tags, data.tags);
    }
    this.seq = data.seq;
  }

  /** Shows a part as this page's own write at log position `seq` left it. */
  applyLocal<K extends keyof P>(part: K, value: P[K], seq: number): void {
    this.parts = { ...this.parts, [part]: value };
    this.localSeq.set(part, seq);
  }

  /** What the page holds, to keep across a reload (see restore). */
  snapshot(): { seq: number; parts: Partial<P>; tags: Tags<P> } {
    return { seq: this.seq, parts: this.parts, tags: this.tags };
  }

  /**
   * Takes back what a page held before it was reloaded: shown until the stream's first
   * view replaces it, so a reload without a network still shows the slide and the
   * person's own cards. Its tags let the server leave out the shared parts still current.
   */
  restore(snapshot: { seq: number; parts: Partial<P>; tags: Tags<P> }, { replace = false } = {}): void {
    if (this.seq > 0 && !replace) return;
    this.parts = snapshot.parts;
    this.tags = snapshot.tags ?? {};
    this.seq = snapshot.seq;
  }

  /** The X-Part-Tags header of a reconnect: the tagged parts this page holds. */
  heldTags(): string {
    return (Object.entries(this.tags) as [string, string][])
      .filter(([name]) => name in this.parts)
      .map(([name, tag]) => `${name}=${tag}`)
      .join(';');
  }
}
