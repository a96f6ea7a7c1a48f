/**
 * Whose turn it is in a group's round robin. A turn lasts `turnMs`; when it runs out the
 * next member's turn begins by itself, and a member can pass the turn early. The server
 * stores only when the current turn began, so every screen computes the same answer
 * from the same clock (the browser mirrors this in web/shared/round-robin-turn.ts).
 *
 * Returns the 0-based turn; `members` means everyone has had a turn.
 */
export function currentTurn(turn: number, turnStartedAt: number, turnMs: number, members: number, now: number): number {
  const elapsed = Math.max(0, now - turnStartedAt);
  return Math.min(members, turn + Math.floor(elapsed / turnMs));
}

/** When the current turn began, accounting for turns that ran out by themselves. */
export function currentTurnStartedAt(turn: number, turnStartedAt: number, turnMs: number, members: number, now: number): number {
  return turnStartedAt + (currentTurn(turn, turnStartedAt, turnMs, members, now) - turn) * turnMs;
}
