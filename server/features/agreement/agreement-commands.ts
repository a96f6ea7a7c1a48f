import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { CARD_MAX_LENGTH } from '../cards/card-commands.js';
import type { AgreementFields } from './agreement-events.js';
import { agreementCandidates, agreementDraft } from './agreement-model.js';

export const AGREEMENT_LIMITS = { schoolName: 120, definition: 1000, statement: CARD_MAX_LENGTH, items: 20 } as const;

/** A facilitator edits the agreement's wording; only the fields that changed go in the log. */
export function editAgreement(state: SessionState, deck: Deck, input: Partial<AgreementFields>) {
  const changes: Partial<AgreementFields> = {};
  const current = state.agreement.fields;
  const text = (raw: string, max: number) => (raw.trim() === '' ? '' : cleanOrRefuse(cleanText(raw, max)));
  if (input.schoolName !== undefined) changes.schoolName = text(input.schoolName, AGREEMENT_LIMITS.schoolName);
  if (input.definition !== undefined) changes.definition = text(input.definition, AGREEMENT_LIMITS.definition);
  if (input.date !== undefined) changes.date = input.date;
  for (const list of ['agreements', 'examples'] as const) {
    const items = input[list];
    if (items === undefined) continue;
    if (items.length > AGREEMENT_LIMITS.items) throw new DomainError(400, 'too_many', `At most ${AGREEMENT_LIMITS.items} ${list}.`);
    changes[list] = items.map((item) => text(item, AGREEMENT_LIMITS.statement)).filter((item) => item !== '');
  }
  for (const key of Object.keys(changes) as (keyof AgreementFields)[]) {
    if (JSON.stringify(changes[key]) === JSON.stringify(current[key])) delete changes[key];
  }
  const events = Object.keys(changes).length === 0 ? [] : [event('agreement.edited', { changes })];
  return { events, response: { agreement: { ...agreementDraft(state, deck), ...changes } } };
}

/**
 * Fills the agreement from the tallies: the group agreements and examples that made the
 * cut (top cards and the tied cards the facilitator chose), the top definition as the
 * starting wording, the school's name and today's date (on the server's calendar) where
 * they are still empty.
 */
export function assembleAgreement(state: SessionState, deck: Deck, context: CommandContext) {
  const today = new Date(context.now).toLocaleDateString('en-CA');
  const top = agreementCandidates(state, deck);
  const current = agreementDraft(state, deck);
  return editAgreement(state, deck, {
    agreements: top.agreements.map((c) => c.text),
    examples: top.examples.map((c) => c.text),
    definition: top.definitions[0]?.text ?? current.definition,
    ...(current.schoolName ? {} : { schoolName: state.schoolName }),
    ...(state.agreement.fields.date ? {} : { date: today }),
  });
}
