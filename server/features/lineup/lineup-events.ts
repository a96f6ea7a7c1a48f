/**
 * The birthday line-up and the groups it makes.
 *
 * A birthday never appears here: the log is append-only and kept with the session, and
 * the guide asks for a birthday only to order the line. `lineup.answered` records only
 * that a person answered; `lineup.grouped` records only the resulting groups.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    'lineup.opened': { slide: number };
    'lineup.answered': { participantId: string };
    /** Groups in line order (January first); each group's members in line order. */
    'lineup.grouped': { slide: number; groups: string[][] };
    /** A late joiner placed in the smallest group, or a person moved by a facilitator. `group` is 0-based. */
    'lineup.placed': { participantId: string; group: number };
  }
}

export {};
