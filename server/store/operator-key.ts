import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'operator-key';
const FORM = /^operator\.[A-Za-z0-9_-]{43}$/;

/**
 * The operator's key: whoever runs the server, and alone may start, list and delete
 * sessions. It is made on first start and kept in the data folder, readable only by the
 * server's user (0600), so it survives restarts; it is shown only inside the start page
 * link the server prints to its own terminal (in the #fragment) and is never logged.
 * Participants and facilitators never receive it. Deleting the file and restarting makes
 * a new key; the old one stops working at once.
 */
export class OperatorKey {
  /** The key itself, for the start page link in the terminal and nothing else. */
  readonly value: string;
  /**
   * Marks the sessions this key started (a hash, so the key is not stored with them).
   * A new key makes a new mark, so a new operator is never shown an old one's sessions.
   */
  readonly startedByMark: string;
  private readonly bytes: Buffer;

  constructor(dataDir: string) {
    const file = join(dataDir, FILE);
    if (!existsSync(file)) writeFileSync(file, `operator.${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    // A copy restored from a backup may have come back readable by others.
    chmodSync(file, 0o600);
    this.value = readFileSync(file, 'utf8').trim();
    if (!FORM.test(this.value)) throw new Error(`${file} does not hold an operator key. Delete it and restart to make a new one.`);
    this.bytes = Buffer.from(this.value);
    this.startedByMark = `operator:${createHash('sha256').update(this.value).digest('hex').slice(0, 16)}`;
  }

  /** Whether a bearer token is this key, compared in constant time. */
  matches(token: string): boolean {
    const given = Buffer.from(token);
    return given.length === this.bytes.length && timingSafeEqual(given, this.bytes);
  }

  /** Whether a token claims to be an operator key (right or wrong), as opposed to a session's key. */
  static claims(token: string): boolean {
    return token.startsWith('operator.');
  }
}
