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
export class KeyRing {
  private readonly secret: Buffer;

  constructor(dataDir: string) {
    const file = join(dataDir, 'server-secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }

  staffKey(sessionId: string, role: StaffRole): string {
    return `${role}.${this.mac(sessionId, role)}`;
  }

  participantToken(sessionId: string, participantId: string): string {
    return `${participantId}.${this.mac(sessionId, participantId)}`;
  }

  /** The subject a token proves, or null. Compared in constant time. */
  verify(sessionId: string, token: string): string | null {
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return null;
    const subject = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(sessionId, subject));
    return given.length === expected.length && timingSafeEqual(given, expected) ? subject : null;
  }

  private mac(sessionId: string, subject: string): string {
    return createHmac('sha256', this.secret).update(`${sessionId}:${subject}`).digest('base64url').slice(0, 32);
  }
}
