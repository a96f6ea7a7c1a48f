/**
 * The small groups' round robin: each member in turn, one recorder writing the group's
 * shared ideas. The groups are the line-up's.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    'roundrobin.started': { slide: number };
    /** `turn` is the turn that now begins (0-based index into the group's members). */
    'roundrobin.turn.passed': { slide: number; group: number; turn: number };
    'roundrobin.recorder.set': { slide: number; group: number; participantId: string };
    'roundrobin.notes.saved': { slide: number; group: number; text: string };
  }
}

export {};
