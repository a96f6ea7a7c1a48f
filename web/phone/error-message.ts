import { ApiError } from '../shared/live-session.js';
import { msg, type MessageKey } from './messages.js';

/**
 * The server explains refusals in English; the phone shows them in the reader's language
 * by the error's code. A feature that adds a refusal code adds its message here.
 */
const BY_CODE: Record<string, MessageKey> = {
  unknown_code: 'errorUnknownReturningCode',
  text_empty: 'errorTextEmpty',
  text_too_long: 'errorTextTooLong',
  text_broken: 'errorTextBroken',
  already_written: 'errorAlreadyWritten',
  enough_answers: 'errorEnoughAnswers',
  activity_closed: 'activityClosed',
  too_fast: 'errorTooFast',
  not_recorder: 'errorNotRecorder',
  not_your_turn: 'errorNotYourTurn',
  empty_feedback: 'errorEmptyFeedback',
  not_started: 'errorNotStarted',
  no_groups: 'errorNoGroups',
  revision_limit: 'errorRevisionLimit',
  session_full: 'errorSessionFull',
  idempotency_answer_lost: 'errorAnswerLost',
};

export function errorMessage(error: unknown): string {
  const key = error instanceof ApiError ? BY_CODE[error.code] : undefined;
  return msg(key ?? 'errorGeneric');
}
