/**
 * Events of the facilitation moves (issue 4): timers, Block Party rounds, the birthday
 * line-up and its groups, the round robin, polls, reflections and feedback.
 *
 * A birthday never appears here: the log is append-only and kept with the session, and
 * the guide asks for a birthday only to order the line. `lineup.answered` records only
 * that a person answered; `lineup.grouped` records only the resulting groups.
 */
declare module '../events.js' {
  interface EventMap {
    'timer.started': { slide: number; durationMs: number; label: string };
    'timer.paused': { slide: number };
    'timer.resumed': { slide: number };
    'timer.extended': { slide: number; ms: number };
    'timer.ended': { slide: number };

    'blockparty.round.started': { slide: number; round: number };

    'lineup.opened': { slide: number };
    'lineup.answered': { participantId: string };
    /** Groups in line order (January first); each group's members in line order. */
    'lineup.grouped': { slide: number; groups: string[][] };
    /** A late joiner placed in the smallest group, or a person moved by a facilitator. `group` is 0-based. */
    'lineup.placed': { participantId: string; group: number };

    'roundrobin.started': { slide: number };
    /** `turn` is the turn that now begins (0-based index into the group's members). */
    'roundrobin.turn.passed': { slide: number; group: number; turn: number };
    'roundrobin.recorder.set': { slide: number; group: number; participantId: string };
    'roundrobin.notes.saved': { slide: number; group: number; text: string };

    'poll.voted': { slide: number; participantId: string; choices: string[] };
    'poll.revealed': { slide: number; revealed: boolean };

    'reflection.saved': { reflectionId: string; participantId: string; slide: number; text: string; shared: boolean };
    'reflection.hidden': { reflectionId: string; hidden: boolean };
    /** Onto the projector: these shared reflections, approved by a facilitator. */
    'reflection.approved': { reflectionIds: string[] };

    'feedback.given': { slide: number; participantId: string; ratings: Record<string, number>; comments: Record<string, string> };
  }
}

export {};
