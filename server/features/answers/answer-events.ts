/** Open answers ("Who might this be?"): short phrases the deck shows as a word cloud. */
declare module '../../domain/events.js' {
  interface EventMap {
    'answer.given': { answerId: string; participantId: string; slide: number; text: string };
    'answer.withdrawn': { answerId: string };
    'answer.hidden': { answerId: string; hidden: boolean };
  }
}

export {};
