import { createHash } from 'node:crypto';
import type { SessionRuntime } from '../../../runtime/session-runtime.js';
import { agreementSheet } from '../agreement-model.js';
import type { AgreementContent } from './agreement-pdf.js';

/** What the agreement PDF shows at one point of a session's log. */
export interface AgreementVersion {
  /**
   * The log position of the last event that changed what the PDF shows (kept by the
   * agreement's reducers). A sticker, a slide change or a reflection moves the session's
   * log on but not this, so the same agreement keeps the same version all through the rest
   * of the workshop.
   */
  seq: number;
  content: AgreementContent;
  /** A short digest of the content: with `seq`, it names this version in an ETag and in the cache. */
  digest: string;
}

/** The agreement's current version in this session; null for a deck without an agreement. */
export function agreementVersion(runtime: SessionRuntime): AgreementVersion | null {
  const content = agreementSheet(runtime.state, runtime.deck);
  if (!content) return null;
  const digest = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 16);
  return { seq: runtime.state.agreement.contentSeq, content, digest };
}
