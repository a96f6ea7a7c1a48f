/** The closing feedback form: ratings and comments, sent again to replace them. */
declare module '../../domain/events.js' {
  interface EventMap {
    'feedback.given': { slide: number; participantId: string; ratings: Record<string, number>; comments: Record<string, string> };
  }
}

export {};
