export interface Reflection {
  id: string;
  slide: number;
  authorId: string;
  text: string;
  shared: boolean;
  hidden: boolean;
  /**
   * A facilitator let it onto the projector. A shared reflection waits for this (one tap,
   * or "show all"), and waits again when its writer changes the text.
   */
  approved: boolean;
  at: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    reflections: Map<string, Reflection>;
    /** `${slide}:${participantId}` → that person's reflection id, so a phone's view does not scan the room's. */
    reflectionByAuthor: Map<string, string>;
  }
}

export function emptyReflections() {
  return { reflections: new Map<string, Reflection>(), reflectionByAuthor: new Map<string, string>() };
}
