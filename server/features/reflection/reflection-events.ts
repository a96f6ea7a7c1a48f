/** A private reflection, which its writer may share with the room (without a name). */
declare module '../../domain/events.js' {
  interface EventMap {
    'reflection.saved': { reflectionId: string; participantId: string; slide: number; text: string; shared: boolean };
    'reflection.hidden': { reflectionId: string; hidden: boolean };
    /** Onto the projector: these shared reflections, approved by a facilitator. */
    'reflection.approved': { reflectionIds: string[] };
  }
}

export {};
