/** The workshop's clock: pacing counts from the workshop's start, not from `npm start`. */
declare module '../../domain/events.js' {
  interface EventMap {
    /** The lead starts the workshop clock (or starts it again, from now). */
    'workshop.clock-started': Record<string, never>;
  }
}

export {};
