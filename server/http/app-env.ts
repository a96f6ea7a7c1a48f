import type { Actor } from '../domain/events.js';
import type { LiveSession } from '../runtime/session-registry.js';
import type { Operation } from '../runtime/session-runtime.js';

/** What middleware puts on the request context for the handlers after it. */
export interface AppEnv {
  Variables: {
    live: LiveSession;
    actor: Actor;
    /** `lead`, `support` or the participant id the caller's key proves. */
    subject: string;
    /** The client-made id of a write, scoped to its caller, and its request's digest; a retry with it is applied once. */
    opKey: Operation;
  };
}
