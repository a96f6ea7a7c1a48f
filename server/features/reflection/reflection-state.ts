export interface Reflection {
  id: string;
  slide: number;
  authorId: string;
  text: string;
  shared: boolean;
  hidden: boolean;
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
