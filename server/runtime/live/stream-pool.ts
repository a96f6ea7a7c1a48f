import type { Role } from '../../domain/events.js';
import { frameText } from './frame-encoding.js';

/** One client's live stream, as the stream route hands it to the hub. */
export interface StreamConnection {
  role: Role;
  participantId?: string;
  /** Queues a frame; returns false when the client has fallen too far behind to keep. */
  send(frame: string): boolean;
  /**
   * Queues a frame given as byte chunks. The array and its chunks may be shared with other
   * streams (the same array for every phone sent the same frame): never modify them.
   */
  sendBytes?(chunks: readonly Uint8Array[]): boolean;
  close(): void;
  /** Tags of the shared parts a reconnecting phone still holds (X-Part-Tags). */
  heldTags?: Map<string, string>;
  /** When a frame was last queued on it (monotonic clock); set by the pool. */
  lastSentAt?: number;
}

/**
 * The open streams of one kind (the facilitators', or the phones') of one session. A
 * frame queued on a stream whose client has fallen too far behind drops that stream: the
 * client reconnects and gets a fresh full view, and `onDropped` hears of it.
 */
export class StreamPool<C extends StreamConnection = StreamConnection> implements Iterable<C> {
  private readonly connections = new Set<C>();

  constructor(
    private readonly onDropped: (role: Role) => void = () => {},
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.connections.size;
  }

  /** Whether the stream is still kept (one dropped for falling behind is not). */
  has(connection: C): boolean {
    return this.connections.has(connection);
  }

  [Symbol.iterator](): Iterator<C> {
    return this.connections[Symbol.iterator]();
  }

  /** Adds a stream and queues its first frame (the full view), which is never a reason to drop it. */
  add(connection: C, firstFrame: Uint8Array[]): () => void {
    this.connections.add(connection);
    this.write(connection, firstFrame);
    return () => this.connections.delete(connection);
  }

  /** Queues a frame on one stream; drops the stream if its client is too far behind. */
  send(connection: C, frame: readonly Uint8Array[]): void {
    if (this.write(connection, frame)) return;
    this.connections.delete(connection);
    connection.close();
    this.onDropped(connection.role);
  }

  /** Queues the same frame on every stream. */
  broadcast(frame: readonly Uint8Array[]): void {
    // No copy of the set: a stream dropped on the way is deleted behind the loop, which a Set allows.
    for (const connection of this.connections) this.send(connection, frame);
  }

  /** The streams nothing was queued on since `since` (monotonic clock). */
  quietSince(since: number): C[] {
    const quiet: C[] = [];
    for (const connection of this.connections) if ((connection.lastSentAt ?? 0) <= since) quiet.push(connection);
    return quiet;
  }

  closeAll(): void {
    for (const connection of this.connections) connection.close();
    this.connections.clear();
  }

  private write(connection: C, frame: readonly Uint8Array[]): boolean {
    connection.lastSentAt = this.now();
    return connection.sendBytes ? connection.sendBytes(frame) : connection.send(frameText(frame));
  }
}
