import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StaffRole } from '../domain/events.js';

/**
 * Facilitator keys and participant tokens are MACs under one server secret kept in the
 * data folder, so nothing secret is ever written to the event log and a restart can
 * still recognise every key it handed out. A token reads `subject.mac`, where the
 * subject is `lead`, `support` or a participant id.
 */
/**
 * How many expected MACs are remembered (about 5 MB): four rooms of 10,000 phones with
 * their screens. At exactly a room's size (10,000 phones and two screens in 10,000 places)
 * the oldest-first cache missed on nearly every request, since the phones take turns.
 */
const EXPECTED_CACHE_SIZE = 40_000;
/** The coordinator's key is scoped to the district, not to a session: no session id looks like this. */
const COORDINATOR_SCOPE = '~district';

/** A board key's subject starts so; a participant id never does (ids are 12 characters, no "board-" in front). */
export const BOARD_PREFIX = 'board-';
const BOARD_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const BOARD_CODE_LENGTH = 6;

export class KeyRing {
  private readonly secret: Buffer;
  /**
   * The MAC each subject's token must carry, by session and subject. Every write and
   * stream is checked, and an HMAC per request was a noticeable share of a sticker's cost
   * under load. The given MAC is still compared with it in constant time on every call.
   */
  private readonly expected = new Map<string, Buffer>();

  constructor(dataDir: string) {
    const file = join(dataDir, 'server-secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }

  staffKey(sessionId: string, role: StaffRole): string {
    return `${role}.${this.mac(sessionId, role)}`;
  }

  /** The coach's key for one session: read-only, plus the fidelity checklist and coaching notes. */
  coachKey(sessionId: string): string {
    return `coach.${this.mac(sessionId, 'coach')}`;
  }

  /**
   * The district coordinator's key: one for the server, not per session, derived like the
   * others so nothing secret is stored. It reads every program and session record.
   */
  coordinatorKey(): string {
    return `coordinator.${this.mac(COORDINATOR_SCOPE, 'coordinator')}`;
  }

  /** Whether a token is this server's coordinator key. Constant time. */
  isCoordinator(token: string): boolean {
    return token.startsWith('coordinator.') && this.verify(COORDINATOR_SCOPE, token) === 'coordinator';
  }

  participantToken(sessionId: string, participantId: string): string {
    return `${participantId}.${this.mac(sessionId, participantId)}`;
  }

  /**
   * A read-only key to one small group's board, for the laptop at its table. Its subject
   * (`board-<group id>`) is never a participant's, so it cannot act for anyone.
   */
  boardKey(sessionId: string, groupId: string): string {
    const subject = `${BOARD_PREFIX}${groupId}`;
    return `${subject}.${this.mac(sessionId, subject)}`;
  }

  /**
   * A short code for the same board, to type on a laptop (a long key cannot be typed):
   * six characters with no look-alikes (no 0/O, 1/I/L). Guessing one is kept out of reach
   * by the rate limit on the route that exchanges it for the key.
   */
  boardCode(sessionId: string, groupId: string): string {
    const digest = createHmac('sha256', this.secret).update(`${sessionId}:board-code:${groupId}`).digest();
    return Array.from(digest.subarray(0, BOARD_CODE_LENGTH), (byte) => BOARD_CODE_ALPHABET[byte % BOARD_CODE_ALPHABET.length]).join('');
  }

  /** The subject a token proves, or null. Compared in constant time. */
  verify(sessionId: string, token: string): string | null {
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return null;
    const subject = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = this.expectedMac(sessionId, subject);
    return given.length === expected.length && timingSafeEqual(given, expected) ? subject : null;
  }

  /** Forgets a deleted session's MACs. */
  forget(sessionId: string): void {
    for (const key of this.expected.keys()) if (key.startsWith(`${sessionId}:`)) this.expected.delete(key);
  }

  private expectedMac(sessionId: string, subject: string): Buffer {
    const key = `${sessionId}:${subject}`;
    let mac = this.expected.get(key);
    if (!mac) {
      mac = Buffer.from(this.mac(sessionId, subject));
      // Oldest first out: forged subjects can churn the cache but never grow it.
      if (this.expected.size >= EXPECTED_CACHE_SIZE) this.expected.delete(this.expected.keys().next().value!);
      this.expected.set(key, mac);
    }
    return mac;
  }

  private mac(sessionId: string, subject: string): string {
    return createHmac('sha256', this.secret).update(`${sessionId}:${subject}`).digest('base64url').slice(0, 32);
  }
}
