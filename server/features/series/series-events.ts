import type { CarriedOver } from '../../contract/series-parts.js';

declare module '../../domain/events.js' {
  interface EventMap {
    /** This session is session `number` of a program (a school's run of a series); right after `session.started`. */
    'series.linked': {
      programId: string;
      seriesId: string;
      number: number;
      sessions: number;
      title: Record<string, string>;
      topic: Record<string, string> | null;
      model: 'single-building' | 'district-wide';
    };
    /** What the previous session had produced when this one was opened, copied into this log so it stands on its own. */
    'series.carried-over': CarriedOver;
    /** Leadership answered a question of the previous session after this one was opened. */
    'series.answer-carried': { questionId: string; answer: { text: string; team: string; at: number } };
    /** Leadership's answer to one of this session's questions (a card on a leadership wall). */
    'leadership.answered': { cardId: string; text: string; team: string };
  }
}

export {};
