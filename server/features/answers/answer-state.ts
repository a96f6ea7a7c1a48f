import type { SessionState } from '../../domain/session-state.js';

export interface Answer {
  id: string;
  slide: number;
  authorId: string;
  text: string;
  hidden: boolean;
  withdrawn: boolean;
  at: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    answers: Map<string, Answer>;
    /** Answer ids by author, so a phone's own view does not scan the room's: every phone's own view is rebuilt on a slide change. */
    answerIdsByAuthor: Map<string, string[]>;
  }
}

export function emptyAnswers() {
  return { answers: new Map<string, Answer>(), answerIdsByAuthor: new Map<string, string[]>() };
}

/** One person's answers, not withdrawn, oldest first. */
export function ownAnswers(state: SessionState, participantId: string): Answer[] {
  return (state.answerIdsByAuthor.get(participantId) ?? []).map((id) => state.answers.get(id)!).filter((a) => !a.withdrawn);
}
