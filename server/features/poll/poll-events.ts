/** A check-for-understanding poll: a vote replaces the person's earlier one. */
declare module '../../domain/events.js' {
  interface EventMap {
    'poll.voted': { slide: number; participantId: string; choices: string[] };
    'poll.revealed': { slide: number; revealed: boolean };
  }
}

export {};
