/**
 * The live stream's wire protocol, shared by the server (server/runtime/session-hub.ts,
 * server/routes/stream.ts) and every client (web/shared/live, tests/load). Types and
 * constants only: nothing here may import a module at run time, so the browser bundle
 * carries just these few constants.
 *
 * Server → client, `text/event-stream`:
 *
 *   id: <seq>   event: view    data: ViewMessage    first frame of every (re)connect
 *   id: <seq>   event: patch   data: PatchMessage   the parts that changed since the last frame
 *   : ping                                          a comment after a quiet spell; not a message
 *
 * `id:` is the session log's sequence number, the same as the message's `seq`. A part is
 * always replaced whole; a client merges patches into the view it holds. `parts` is always
 * the message's last field, so a reader may take the head (v, seq, tags, kept) alone.
 *
 * Client → server, when it opens the stream: `X-Protocol-Version: <PROTOCOL_VERSION>`.
 * A client of another version is refused with 409 `{error:{code:"incompatible_client"}}`
 * (it should load the matching page). A client that sends no version predates the header
 * and is let through: every message carries `v`, which such a page already checks.
 */

/**
 * Bumped whenever a message or a part changes shape in a way an older page cannot read (2: the
 * phone's `gallery` part lists counts and tags, the cards come a page at a time; 3: the phone's
 * current slide moved out of its `session` part into a `slide` part of its own).
 */
export const PROTOCOL_VERSION = 3;

/** Request header naming the client's protocol version when it opens the stream. */
export const PROTOCOL_HEADER = 'x-protocol-version';
/** Request header of a reconnecting phone: the content tags of the shared parts it holds (`gallery=…;session=…`). */
export const PART_TAGS_HEADER = 'x-part-tags';
/** Response header of every write: the log position its events were committed at. */
export const LOG_SEQ_HEADER = 'x-log-seq';
/** Request header of every write: a client-made id, so a retried write is applied once. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The error code of the stream's refusal of a client of another protocol version. */
export const INCOMPATIBLE_CLIENT = 'incompatible_client';

/** The comment the server sends on a quiet stream, so proxies keep it open. */
export const PING_COMMENT = 'ping';

/**
 * No stream is silent for longer than this: the server pings a stream that has had no
 * frame for a while, well within the idle timeout of the proxies and access points
 * between it and a phone (often 30–60 s). A client that hears nothing for two of these
 * takes the connection for dead (an access point that stopped passing bytes without
 * closing anything) and opens a new one.
 */
export const PING_INTERVAL_MS = 15_000;

/** The names of the stream's events. */
export type StreamEventName = 'view' | 'patch';

/** Fields every message carries. `P` is the role's part map (server/contract/parts.ts). */
interface MessageBase<P> {
  /** The protocol version the server speaks. */
  v: number;
  /** The log position this message shows (equal to the frame's `id:`). */
  seq: number;
  /** Content tags of the shared parts in this message (phones only). */
  tags?: Partial<Record<keyof P & string, string>>;
}

/** Every part of the caller's view, except the shared parts named in `kept`. */
export interface ViewMessage<P> extends MessageBase<P> {
  /** Shared parts the reconnecting client said it holds unchanged: it keeps its copy. */
  kept?: (keyof P & string)[];
  parts: Partial<P>;
}

/** The parts that changed; the others stay as the client holds them. */
export interface PatchMessage<P> extends MessageBase<P> {
  parts: Partial<P>;
}

/** A decoded stream message, told apart by its event name. */
export type StreamMessage<P> = { event: 'view'; id: number; data: ViewMessage<P> } | { event: 'patch'; id: number; data: PatchMessage<P> };

/** The shape of every refusal the API answers with (4xx, 5xx). */
export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
