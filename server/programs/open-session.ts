import type { CoFacilitator } from '../contract/series-parts.js';
import { DomainError } from '../domain/domain-error.js';
import { event } from '../domain/events.js';
import { carryOverFrom } from '../features/series/carry-over.js';
import { facilitatorsNamed } from '../features/facilitators/facilitators-routes.js';
import type { AppDeps } from '../http/app-deps.js';
import type { LiveSession } from '../runtime/session-registry.js';
import type { ProgramState } from './program-state.js';
import type { StartRequest } from '../domain/start-request.js';

/**
 * Opens session `number` of a program: a new live session of the series' deck for it,
 * linked to the program, with its co-facilitators named and, from the second session on,
 * a copy of what the previous session produced (its own log then stands alone: a restart,
 * an export or a deleted earlier session changes nothing it shows).
 */
export async function openProgramSession(
  deps: AppDeps,
  program: ProgramState,
  number: number,
  named: { lead: CoFacilitator | null; support: CoFacilitator | null },
  startedBy: string,
  /** The operator's request, when it came with an Idempotency-Key: kept with the session, so a retry finds it. */
  request?: StartRequest,
): Promise<LiveSession> {
  const series = deps.series.get(program.seriesId);
  if (!series) throw new DomainError(409, 'unknown_series', `The series "${program.seriesId}" is no longer in the slides folder.`);
  const planned = series.sessions.find((s) => s.number === number);
  if (!planned) throw new DomainError(404, 'unknown_session_number', `The series has sessions 1 to ${series.sessions.length}.`);
  if (!planned.deck)
    throw new DomainError(409, 'placeholder_session', `Session ${number} is a placeholder: write its deck and name it in the series file first.`);
  if (program.sessions.has(number))
    throw new DomainError(409, 'session_open', `Session ${number} of this program is already open (${program.sessions.get(number)!.code}).`);
  const deck = deps.decks.get(planned.deck);
  if (!deck) throw new DomainError(409, 'unknown_deck', `There is no deck "${planned.deck}".`);
  // The previous session's products are read before anything is written, so a refusal writes nothing.
  const previous = program.sessions.get(number - 1);
  const before = previous ? deps.registry.get(previous.code)?.runtime : undefined;
  const previousTitle = series.sessions.find((s) => s.number === number - 1)?.title ?? {};
  const carried = before ? carryOverFrom(before.state, before.deck, previousTitle) : null;
  const facilitatorsEvent = facilitatorsNamed(named);

  // With the embedded store creating a session waits for nothing outside this process, so
  // no second request can open the same number between the check above and this.
  const live = await deps.registry.create(deck, program.schoolName, startedBy, request);
  live.runtime.execute({ role: 'system' }, undefined, () => ({
    events: [
      event('series.linked', {
        programId: program.id,
        seriesId: series.id,
        number,
        sessions: series.sessions.length,
        title: planned.title,
        topic: planned.topic ?? null,
        model: program.model,
      }),
      facilitatorsEvent,
      ...(carried ? [event('series.carried-over', carried)] : []),
    ],
    response: null,
  }));
  deps.programs.append(program, { role: 'system' }, [
    { type: 'program.session-opened', data: { number, code: live.runtime.code, sessionId: live.runtime.id } },
  ]);
  return live;
}
