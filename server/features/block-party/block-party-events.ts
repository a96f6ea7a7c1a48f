/** The Block Party: rounds of pairs sharing, each round with its own timer. */
declare module '../../domain/events.js' {
  interface EventMap {
    'blockparty.round.started': { slide: number; round: number };
  }
}

export {};
