import type { FidelityMark } from '../../contract/series-parts.js';

declare module '../../domain/session-state.js' {
  interface SessionState {
    fidelityMarks: Map<string, { mark: FidelityMark | null; comment: string }>;
    coachingNotes: { id: string; text: string; at: number }[];
  }
}

export function emptyFidelity() {
  return { fidelityMarks: new Map<string, { mark: FidelityMark | null; comment: string }>(), coachingNotes: [] as { id: string; text: string; at: number }[] };
}
