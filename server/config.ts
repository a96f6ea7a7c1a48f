import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A whole number within bounds, read from its text; the message quotes what was given. */
function wholeNumber(min: number, max: number) {
  return z
    .string()
    .refine((text) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max, {
      error: (issue) => `must be a whole number from ${min} to ${max}, not ${JSON.stringify(issue.input)}`,
    })
    .transform(Number);
}

/** A folder, resolved against the folder the server was started in. */
const folder = z.string().transform((path) => resolve(path));

const publicUrl = z
  .string()
  .refine((text) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(text), {
    error: (issue) => `must be an http:// or https:// address such as https://workshop.district.org, not ${JSON.stringify(issue.input)}`,
  })
  .transform((url) => url.replace(/\/+$/, ''));

/** A Postgres connection string; its password is never repeated in a message. */
const databaseUrl = z.string().refine((text) => /^postgres(ql)?:\/\/[^\s]+$/.test(text), {
  error: () => 'must be a postgres:// address such as postgres://partnerdeck:secret@db.district.org:5432/partnerdeck',
});

/**
 * Every environment variable the server reads, with its default. README's configuration
 * table lists exactly these keys (server/config.test.ts compares them), so a
 * setting cannot be added here without being documented there.
 *
 * An empty variable counts as unset (`PORT= npm start` is PORT's default, not port 0).
 */
export const configSchema = z.object({
  PORT: wholeNumber(0, 65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: folder.prefault('./data'),
  /** Unset: the links use this machine's LAN address (see publicUrlFor). */
  PUBLIC_URL: publicUrl.optional(),
  SLIDES_DIR: folder.prefault('./slides'),
  LOCALES_DIR: folder.prefault('./locales'),
  WEB_DIR: folder.prefault('./dist'),
  /** Unset: the default per-address limit; a load test from one machine raises it. */
  ADDRESS_RATE_PER_SECOND: wholeNumber(1, 10_000_000).optional(),
  /** Unset: the load shedder's own limit (DEFAULT_LOAD_LIMITS.maxInFlight). */
  MAX_IN_FLIGHT: wholeNumber(1, 1_000_000).optional(),
  /** Unset: the node server's own per-address caps (NODE_SERVER_LIMITS); a proxy in front of more than a room raises it. */
  ADDRESS_MAX_CONNECTIONS: wholeNumber(4, 1_000_000).optional(),
  LOG_LEVEL: z
    .string()
    .refine((text): text is LogLevel => (LOG_LEVELS as readonly string[]).includes(text), {
      error: (issue) => `must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(issue.input)}`,
    })
    .default('info'),
  LOG_FILE_MB: wholeNumber(1, 1024).default(10),
  LOG_FILES: wholeNumber(2, 1000).default(10),
  /** Unset: the embedded SQLite store in DATA_DIR. Set: a Postgres database several instances share. */
  DATABASE_URL: databaseUrl.optional(),
  /** Unset: http://<this machine's LAN address>:<port>. Only with DATABASE_URL. */
  INSTANCE_URL: publicUrl.optional(),
  /** The school's name for new sessions (also `npm start -- --school "…"`), so an agreement never says "Our school" by accident. */
  SCHOOL_NAME: z.string().trim().max(120, 'must be at most 120 characters').optional(),
});

export type ConfigVariable = keyof typeof configSchema.shape;
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as ConfigVariable[];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  slidesDir: string;
  /** The pages' message catalogs, one folder per page family. */
  localesDir: string;
  webDir: string;
  /** '' when unset: links then use this machine's LAN address. */
  publicUrl: string;
  /** Joins and session starts per second from one address, when raised from the default. */
  addressRatePerSecond: number | undefined;
  /** Participants' requests in flight above which more are refused with 503 (unset: the shedder's default). */
  maxInFlight: number | undefined;
  /** Open connections allowed from one address (a quarter of them still arriving), when set. */
  addressMaxConnections: number | undefined;
  /** '' for the embedded SQLite store; a postgres:// address for a database several instances share. */
  databaseUrl: string;
  /** Where the other instances reach this one; '' when unset (this machine's LAN address and port). */
  instanceUrl: string;
  /** The school's name new sessions start with ('' when unset). */
  schoolName: string;
  log: {
    level: LogLevel;
    /** Where the JSON log is written: DATA_DIR/logs. */
    dir: string;
    /** A log file is rolled over at this size (and at midnight). */
    fileBytes: number;
    /** How many log files are kept, the current one included. */
    files: number;
  };
}

/** A setting the server cannot start with; the message names the variable and the value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `The configuration has ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Settings from the environment (see configSchema); throws ConfigError naming every bad value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const given: Record<string, string> = {};
  for (const key of CONFIG_VARIABLES) {
    const value = env[key];
    if (value !== undefined && value !== '') given[key] = value;
  }
  // `npm start -- --school "Lincoln Elementary"` wins over SCHOOL_NAME.
  const school = schoolArgument(argv);
  if (school) given.SCHOOL_NAME = school;
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const vars = parsed.data;
  if (vars.INSTANCE_URL && !vars.DATABASE_URL) throw new ConfigError(['INSTANCE_URL is only used with DATABASE_URL (several instances on one Postgres database); unset it, or set DATABASE_URL too']);
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: vars.DATA_DIR,
    slidesDir: vars.SLIDES_DIR,
    localesDir: vars.LOCALES_DIR,
    webDir: vars.WEB_DIR,
    publicUrl: vars.PUBLIC_URL ?? '',
    addressRatePerSecond: vars.ADDRESS_RATE_PER_SECOND,
    maxInFlight: vars.MAX_IN_FLIGHT,
    addressMaxConnections: vars.ADDRESS_MAX_CONNECTIONS,
    databaseUrl: vars.DATABASE_URL ?? '',
    instanceUrl: vars.INSTANCE_URL ?? '',
    schoolName: vars.SCHOOL_NAME ?? '',
    log: {
      level: vars.LOG_LEVEL,
      dir: resolve(vars.DATA_DIR, 'logs'),
      fileBytes: vars.LOG_FILE_MB * 1024 * 1024,
      files: vars.LOG_FILES,
    },
  };
}

/**
 * Phones must reach the server over the room's Wi-Fi, so links use this machine's
 * address on the local network, not localhost. PUBLIC_URL wins when the server sits
 * behind a proxy or a name.
 */
export function publicUrlFor(config: Config, actualPort: number): string {
  if (config.publicUrl) return config.publicUrl;
  return `http://${lanAddress() ?? 'localhost'}:${actualPort}`;
}

/**
 * Where the other instances forward requests for this instance's sessions: INSTANCE_URL,
 * or this machine's address on the network and the port it listens on (the loopback
 * address when it listens on loopback only).
 */
export function instanceUrlFor(config: Config, actualPort: number): string {
  if (config.instanceUrl) return config.instanceUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? (lanAddress() ?? '127.0.0.1') : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
}

function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((net) => net && net.family === 'IPv4' && !net.internal)?.address;
}

/** The value of `--school "…"` or `--school=…` on the command line, if given. */
export function schoolArgument(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--school') return argv[i + 1];
    if (arg.startsWith('--school=')) return arg.slice('--school='.length);
  }
  return undefined;
}
