import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.js';
import { IntervalTally } from './interval-tally.js';
import { EVENT_LEVELS, type OpsEvent, type OpsEvents } from './ops-events.js';

/** How often the counted things (refusals, aborts, dropped streams) are written, one line each. */
export const COUNT_INTERVAL_MS = 60_000;

/**
 * Field names that must never reach the log, censored by pino even if a future call site
 * passes one by mistake. The events' own types (OpsEvents) carry none of them; this is the
 * second lock on the door.
 */
const NEVER_LOGGED = ['authorization', 'key', 'token', 'leadKey', 'supportKey', 'operatorKey', 'text', 'name', 'front', 'back'];

export interface OpsLogOptions {
  level?: LogLevel;
  countIntervalMs?: number;
  /** Where problems are also printed for the person at the terminal (stderr by default). */
  terminal?: (message: string) => void;
  /** Called by close() once everything is written, to close the destination. */
  onClose?: () => Promise<void>;
}

/**
 * The server's structured log of what it did: one JSON object per line, each with a
 * stable `event` (see OpsEvents). Made once at start (index.ts: files in DATA_DIR/logs;
 * tests: memory) and passed to whoever has something to report; there is no global
 * logger.
 *
 * Nothing here runs per request at info level: single events are rare (a session started,
 * a shutdown), and floods (429s, 5xx, dropped streams, clients hanging up) are counted and
 * written as one line per interval.
 */
export class OpsLog {
  private readonly refusals: IntervalTally;
  private readonly aborts: IntervalTally;
  private readonly drops: IntervalTally;
  /** Routes whose unexpected error was already written in full this interval. */
  private failedRoutes = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private readonly terminal: (message: string) => void;
  private closed = false;

  constructor(
    readonly logger: Logger,
    private readonly options: OpsLogOptions = {},
  ) {
    this.terminal = options.terminal ?? ((message) => console.error(message));
    this.refusals = new IntervalTally((fields) => this.event('http.refusals', fields));
    this.aborts = new IntervalTally((fields) => this.event('http.client_aborts', fields));
    this.drops = new IntervalTally((fields) => this.event('streams.dropped', fields));
    this.timer = setInterval(() => this.flushCounts(), options.countIntervalMs ?? COUNT_INTERVAL_MS);
    this.timer.unref();
  }

  /** A logger writing to `destination` (a file stream, or memory in tests). */
  static to(destination: DestinationStream, options: OpsLogOptions = {}): OpsLog {
    const logger = pino(
      {
        level: options.level ?? 'info',
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: [...NEVER_LOGGED, ...NEVER_LOGGED.map((field) => `*.${field}`)], censor: '[never logged]' },
      },
      destination,
    );
    return new OpsLog(logger, options);
  }

  /** A log kept in memory, for tests: `lines()` gives what was written, parsed. */
  static memory(options: OpsLogOptions = {}): { log: OpsLog; lines: () => Record<string, unknown>[] } {
    const written: string[] = [];
    const log = OpsLog.to({ write: (line: string) => void written.push(line) }, { terminal: () => {}, ...options });
    return { log, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
  }

  /** Writes one event at its level (EVENT_LEVELS). */
  event<E extends OpsEvent>(event: E, fields: OpsEvents[E], message?: string): void {
    const line: Record<string, unknown> = { event, ...fields };
    this.logger[EVENT_LEVELS[event]](line, message);
  }

  /**
   * Something the operator must hear about now (a damaged file, a session set aside, a
   * failed commit, a setting the server cannot start with): the sentence goes to the
   * terminal, as it always has for `npm start` users, and into the log as the event's
   * message. Codes, counts, paths and reasons only; never a key or a participant's words.
   */
  problem<E extends OpsEvent>(event: E, message: string, fields: OpsEvents[E]): void {
    this.terminal(message);
    this.event(event, fields, message);
  }

  /** An answer of 429 or 5xx, counted by route pattern (`POST /api/sessions/:code/stickers`). */
  countRefusal(status: number, route: string): void {
    this.refusals.add(route, String(status));
  }

  /** An unexpected error behind a 500: counted always, written in full the first time per route and interval. */
  requestFailed(method: string, route: string, error: Error): void {
    const key = `${method} ${route}`;
    this.countRefusal(500, key);
    if (this.failedRoutes.has(key)) return;
    this.failedRoutes.add(key);
    const description = `${error.name}: ${withoutQuotes(error.message)}`;
    this.problem('request.failed', `Unexpected error on ${key}: ${description}`, { method, route, error: description, at: firstFrame(error) });
  }

  /** An API request whose client hung up before the answer was sent. */
  countClientAbort(route: string): void {
    this.aborts.add(route, 'aborted');
  }

  /** A stream dropped for falling too far behind. */
  countStreamDrop(code: string, role: string): void {
    this.drops.add(code, role);
  }

  /** Writes the interval's counts now (the timer does it every COUNT_INTERVAL_MS). */
  flushCounts(): void {
    this.refusals.flush();
    this.aborts.flush();
    this.drops.flush();
    this.failedRoutes = new Set();
  }

  /** Writes what is counted, then closes the destination. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.flushCounts();
    await this.options.onClose?.();
  }
}

/**
 * An error's message with quoted passages left out: some messages quote the input that
 * caused them (JSON.parse does), and that input may be a participant's words.
 */
function withoutQuotes(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…').slice(0, 300);
}

/** Where the error was thrown (file and line), for whoever fixes it. */
function firstFrame(error: Error): string | undefined {
  return error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim().slice(3, 300);
}
