/**
 * The deck's slide as a small shared state, the way Slidev keeps its navigation: whoever
 * holds control writes the slide, every other screen follows it, and the writer ignores
 * the echo of its own moves.
 *
 * The echo is told apart by the log position. A move this screen sent is answered with the
 * position it was committed at (X-Log-Seq); until then, and for any stream frame made
 * before that position, the session's slide is this screen's own past, not news. From
 * that position on, the session's slide is the truth again: if someone else moved since
 * (the support facilitator, after control passed), this screen follows.
 *
 * Pure: web/present/main.ts feeds it what reveal.js and the stream report and carries
 * out the effects it returns.
 */
export interface SlideSync {
  /** The slide this screen shows. */
  slide: number;
  /** Who put it there: a person on this screen, or the session (this screen followed). */
  movedBy: 'me' | 'session';
  /** This screen's moves sent and not yet answered. */
  unanswered: number;
  /** The log position of this screen's last committed move: older frames are its echo, or staler. */
  ownSeq: number;
  /** The session's slide as last heard, to go back to when a move is refused. */
  sessionSlide: number;
  /** Whether this screen holds control (null until the session says). */
  holding: boolean | null;
}

export type SlideSyncEvent =
  /** reveal.js shows a slide: a person moved, or this screen followed. */
  | { type: 'shown'; slide: number }
  /** The stream's session part, as of log position `seq`. */
  | { type: 'session'; slide: number; holding: boolean; seq: number }
  /** A move this screen sent was committed at `seq`. */
  | { type: 'answered'; seq: number }
  /** A move this screen sent was refused (control passed meanwhile). */
  | { type: 'refused' };

export interface SlideSyncEffect {
  /** Write this slide to the session. */
  send?: number;
  /** Show this slide (following, not a move). */
  show?: number;
  /** Let a person move the slides here, or not. */
  controls?: boolean;
}

export function initialSlideSync(slide = 1): SlideSync {
  return { slide, movedBy: 'session', unanswered: 0, ownSeq: 0, sessionSlide: slide, holding: null };
}

export function stepSlideSync(state: SlideSync, event: SlideSyncEvent): { state: SlideSync; effect: SlideSyncEffect } {
  switch (event.type) {
    case 'shown': {
      if (event.slide === state.slide) return { state, effect: {} };
      // Only the holder moves the deck; anywhere else the screen goes back to the session's slide.
      if (!state.holding) return { state, effect: { show: state.slide } };
      return { state: { ...state, slide: event.slide, movedBy: 'me', unanswered: state.unanswered + 1 }, effect: { send: event.slide } };
    }
    case 'answered': {
      return { state: { ...state, unanswered: Math.max(0, state.unanswered - 1), ownSeq: Math.max(state.ownSeq, event.seq) }, effect: {} };
    }
    case 'refused': {
      const next = { ...state, unanswered: Math.max(0, state.unanswered - 1) };
      if (next.unanswered > 0 || next.slide === next.sessionSlide) return { state: next, effect: {} };
      return { state: { ...next, slide: next.sessionSlide, movedBy: 'session' }, effect: { show: next.sessionSlide } };
    }
    case 'session': {
      const effect: SlideSyncEffect = event.holding !== state.holding ? { controls: event.holding } : {};
      const next = { ...state, holding: event.holding, sessionSlide: event.slide };
      const ownEcho = next.unanswered > 0 || event.seq < next.ownSeq;
      if (ownEcho || event.slide === next.slide) return { state: next, effect };
      return { state: { ...next, slide: event.slide, movedBy: 'session' }, effect: { ...effect, show: event.slide } };
    }
  }
}
