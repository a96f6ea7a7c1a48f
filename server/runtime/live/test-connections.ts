import { decodeMessage, parseEventStream } from '../../../web/shared/live/stream-reader.js';
import type { StreamConnection } from './stream-pool.js';

/**
 * A stream as a test sees it: what reached it, as the pages would read it. `keeps` says
 * whether the client is keeping up (false: the pool should drop it).
 */
export function recordingConnection(role: StreamConnection['role'], participantId?: string, keeps: () => boolean = () => true) {
  const frames: string[] = [];
  const state = { closed: false };
  const connection: StreamConnection = {
    role,
    participantId,
    send(frame) {
      frames.push(frame);
      return keeps();
    },
    close() {
      state.closed = true;
    },
  };
  /** The view and patch messages received, in order, with their parts. */
  const messages = () =>
    frames.flatMap((frame) => parseEventStream(frame).map((event) => decodeMessage<Record<string, any>>(event)!)).filter((message) => message !== null);
  return { connection, frames, messages, state };
}
