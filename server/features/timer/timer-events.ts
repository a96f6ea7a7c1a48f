/**
 * A countdown on a slide. Each change is an event with the server's time, so every
 * screen (and one that reconnects later) computes the same time left.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    'timer.started': { slide: number; durationMs: number; label: string };
    'timer.paused': { slide: number };
    'timer.resumed': { slide: number };
    'timer.extended': { slide: number; ms: number };
    'timer.ended': { slide: number };
  }
}

export {};
