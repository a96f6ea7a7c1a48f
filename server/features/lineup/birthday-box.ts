import type { Birthday } from './grouping.js';

/**
 * Birthdays live here, in memory only, from the moment a phone sends one until the
 * facilitator makes the groups; then the session's box is emptied. They never reach the
 * event log or the disk, so "the day is deleted once groups are made" holds without
 * having to erase anything from an append-only log. A server restart before grouping
 * forgets them; those people are then placed at random, like people who skipped.
 *
 * A box nobody has touched for FORGET_AFTER_MS (a line-up never grouped, a session
 * deleted mid-line-up) is dropped too, so no birthday outlives the workshop.
 */
const FORGET_AFTER_MS = 4 * 3600_000;
const boxes = new Map<string, { touchedAt: number; birthdays: Map<string, Birthday> }>();

function forgetStale(now: number): void {
  for (const [sessionId, box] of boxes) if (now - box.touchedAt > FORGET_AFTER_MS) boxes.delete(sessionId);
}

export const birthdayBox = {
  put(sessionId: string, participantId: string, birthday: Birthday | null): void {
    const now = Date.now();
    forgetStale(now);
    let box = boxes.get(sessionId);
    if (!box) boxes.set(sessionId, (box = { touchedAt: now, birthdays: new Map() }));
    box.touchedAt = now;
    if (birthday) box.birthdays.set(participantId, birthday);
    else box.birthdays.delete(participantId);
  },
  /** A copy of the session's birthdays; the box stays until `clear`. */
  read(sessionId: string): Map<string, Birthday> {
    forgetStale(Date.now());
    return new Map(boxes.get(sessionId)?.birthdays ?? []);
  },
  clear(sessionId: string): void {
    boxes.delete(sessionId);
  },
  size(sessionId: string): number {
    return boxes.get(sessionId)?.birthdays.size ?? 0;
  },
};
