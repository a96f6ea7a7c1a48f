import { createHash } from 'node:crypto';
import { agreementDraft } from '../agreement-model.js';
import type { DomainEvent } from '../../../domain/events.js';
import type { SessionRuntime } from '../../../runtime/session-runtime.js';
import type { AgreementContent } from './agreement-pdf.js';

/** What the agreement PDF shows at one point of a session's log. */
export interface AgreementVersion {
  /**
   * The log position of the last event that changed what the PDF shows. A sticker, a
   * slide change or a reflection moves the session's log on but not this, so the same
   * agreement keeps the same version all through the rest of the workshop.
   */
  seq: number;
  content: AgreementContent;
  /** A short digest of the content: with `seq`, it names this version in an ETag. */
  digest: string;
}

/** Events that can change what the PDF shows; every other kind leaves it alone. */
function mayChangeAgreement(event: DomainEvent): boolean {
  switch (event.type) {
    case 'session.started':
    case 'participant.joined':
    case 'participant.updated':
    case 'agreement.edited':
    case 'card.paper-group':
      return true;
    // Only paper stickers name a stakeholder group; a removal cannot be told apart once applied.
    case 'sticker.placed':
      return event.data.group !== undefined;
    case 'sticker.removed':
      return true;
    default:
      return false;
  }
}

/**
 * Follows one session's log and says which version of the agreement it is at. The
 * content is recomputed on each call (cheap: a few fields and the groups that took part)
 * and compared with the last one, so the version is right even for an event kind the
 * list above does not know yet; the list only makes the position exact.
 */
class AgreementVersions {
  private lastInputSeq: number;
  private current: AgreementVersion | null = null;
  private fingerprint = '';

  constructor(private readonly runtime: SessionRuntime) {
    // Started lazily, on the first request: the log before it is summed up by where it is now.
    this.lastInputSeq = runtime.state.seq;
    runtime.subscribe((events) => {
      for (const event of events) if (mayChangeAgreement(event)) this.lastInputSeq = event.seq;
    });
  }

  now(): AgreementVersion {
    const { editedAt: _shownNowhere, ...content } = agreementDraft(this.runtime.state);
    const fingerprint = JSON.stringify(content);
    if (this.current && fingerprint === this.fingerprint) return this.current;
    // A change the event list missed is dated at the current position: later than exact, never wrong.
    const seq = !this.current || this.lastInputSeq > this.current.seq ? this.lastInputSeq : this.runtime.state.seq;
    const digest = createHash('sha256').update(fingerprint).digest('base64url').slice(0, 16);
    this.fingerprint = fingerprint;
    this.current = { seq, content, digest };
    return this.current;
  }
}

const bySession = new WeakMap<SessionRuntime, AgreementVersions>();

/** The agreement's current version in this session. */
export function agreementVersion(runtime: SessionRuntime): AgreementVersion {
  let versions = bySession.get(runtime);
  if (!versions) bySession.set(runtime, (versions = new AgreementVersions(runtime)));
  return versions.now();
}
