declare module '../../domain/events.js' {
  interface EventMap {
    /** A person's returning code at this session: `returning` when it was issued at an earlier session of the program. */
    'attendance.recorded': { participantId: string; code: string; returning: boolean };
  }
}

export {};
