import type { StakeholderGroup } from '../contract/parts.js';
import type { Deck } from '../deck/deck-schema.js';
import { fidelityPart } from '../features/fidelity/fidelity-checklist.js';
import { feedbackSummary } from '../features/feedback/feedback-summary.js';
import type { AppDeps } from '../http/app-deps.js';
import type { ProgramState } from './program-state.js';
import type { SessionState } from '../domain/session-state.js';

/**
 * One session of a program as the program and district views show it: done (opened) or
 * planned, with its attendance, equity of voice, feedback and fidelity. No names.
 */
export function programSessions(deps: AppDeps, program: ProgramState) {
  const series = deps.series.get(program.seriesId);
  return (series?.sessions ?? []).map((planned) => {
    const opened = program.sessions.get(planned.number);
    const runtime = opened ? deps.registry.get(opened.code)?.runtime : undefined;
    const base = {
      number: planned.number,
      year: planned.year,
      title: planned.title,
      topic: planned.topic ?? null,
      placeholder: planned.placeholder,
      plannedDate: program.dates.get(planned.number) ?? null,
    };
    if (!runtime) return { ...base, status: opened ? ('missing' as const) : ('planned' as const), code: opened?.code ?? null, record: null };
    const state = runtime.state;
    const summary = feedbackSummary(state, runtime.deck)[0];
    const fidelity = fidelityPart(state, runtime.deck).fidelity;
    return {
      ...base,
      status: 'done' as const,
      code: runtime.code,
      record: {
        startedAt: state.startedAt,
        facilitators: state.facilitators,
        attendance: {
          people: state.participants.size,
          returning: state.returningCount,
          byGroup: Object.fromEntries(state.peopleByGroup),
        },
        equityOfVoice: equityOfVoice(runtime.state, runtime.deck),
        feedback: { responses: summary?.responses ?? 0, ratings: (summary?.ratings ?? []).map((r) => ({ id: r.id, mean: r.mean })) },
        fidelity: { score: fidelity.score, marked: fidelity.marked, items: fidelity.items.length },
        questions: [...state.cards.values()].filter((c) => runtime.deck.walls.some((w) => w.toLeadership && w.id === c.wall) && !c.withdrawn && !c.hidden)
          .length,
        answered: state.leadershipAnswers.size,
      },
    };
  });
}

/**
 * Equity of voice: each stakeholder group's share of the people in the room beside its
 * share of what was written (cards on show, open answers, shared reflections). A group
 * that is a third of the room and wrote a tenth of the ideas shows it plainly.
 */
export function equityOfVoice(state: SessionState, deck: Deck) {
  const written = new Map<StakeholderGroup, number>();
  const count = (participantId: string | null) => {
    const group = participantId ? state.participants.get(participantId)?.group : undefined;
    if (group) written.set(group, (written.get(group) ?? 0) + 1);
  };
  for (const card of state.cards.values()) if (!card.withdrawn && !card.hidden) count(card.authorId);
  for (const reflection of state.reflections.values()) if (reflection.shared && !reflection.hidden) count(reflection.authorId);
  const people = state.participants.size;
  const contributions = [...written.values()].reduce((a, b) => a + b, 0);
  return deck.groups.map((g) => g.id).filter((g) => (state.peopleByGroup.get(g) ?? 0) > 0 || written.has(g)).map((group) => ({
    group,
    shareOfPeople: people ? Math.round(((state.peopleByGroup.get(group) ?? 0) / people) * 100) : 0,
    shareOfContributions: contributions ? Math.round(((written.get(group) ?? 0) / contributions) * 100) : 0,
  }));
}

/** A program with its sessions, for the operator and the district coordinator. */
export function programView(deps: AppDeps, program: ProgramState) {
  const sessions = programSessions(deps, program);
  return {
    id: program.id,
    seriesId: program.seriesId,
    seriesTitle: deps.series.get(program.seriesId)?.title ?? { en: program.seriesId },
    schoolName: program.schoolName,
    district: program.district,
    model: program.model,
    startedAt: program.startedAt,
    /** Distinct people who took a returning code anywhere in the program. */
    peopleWithCodes: program.codes.size,
    sessions,
  };
}
