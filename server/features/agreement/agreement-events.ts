/** The Partnership Agreement's wording, as the facilitators edit or assemble it. */
export interface AgreementFields {
  schoolName: string;
  agreements: string[];
  definition: string;
  examples: string[];
  /** The agreement's date, yyyy-mm-dd. */
  date: string;
  /** Slide 27's "copies at our next meeting on …", as the facilitator types it. */
  nextMeeting: string;
}

declare module '../../domain/events.js' {
  interface EventMap {
    'agreement.edited': { changes: Partial<AgreementFields> };
  }
}
