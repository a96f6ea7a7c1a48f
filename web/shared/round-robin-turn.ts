/** The browser's copy of server/features/round-robin/round-robin-turn.ts: whose turn it is, from the server's clock. */
export function currentTurn(turn: number, turnStartedAt: number, turnMs: number, members: number, now: number): number {
  return Math.min(members, turn + Math.floor(Math.max(0, now - turnStartedAt) / turnMs));
}

export function currentTurnStartedAt(turn: number, turnStartedAt: number, turnMs: number, members: number, now: number): number {
  return turnStartedAt + (currentTurn(turn, turnStartedAt, turnMs, members, now) - turn) * turnMs;
}
