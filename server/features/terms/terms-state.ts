import type { PreparedTerms } from '../../deck/terms.js';

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** The deck's terms as this district prepared them (term id → words per language); the deck's own words where absent. */
    terms: Record<string, Record<string, string>>;
    /** The log position of the last change to them: pages that show the deck's words fetch them again when it moves. */
    termsSeq: number;
  }
}

export function emptyTerms(): { terms: Record<string, Record<string, string>>; termsSeq: number } {
  return { terms: {}, termsSeq: 0 };
}

export type { PreparedTerms };
