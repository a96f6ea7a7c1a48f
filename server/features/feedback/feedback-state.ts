export interface FeedbackResponse {
  participantId: string;
  ratings: Record<string, number>;
  comments: Record<string, string>;
  at: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Feedback slide → participant → their latest answers. */
    feedback: Map<number, Map<string, FeedbackResponse>>;
  }
}

export function emptyFeedback() {
  return { feedback: new Map<number, Map<string, FeedbackResponse>>() };
}
