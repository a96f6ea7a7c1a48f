import { Hono } from 'hono';
import { z } from 'zod';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import type { SessionState } from '../../domain/session-state.js';
import { leadershipQuestions, leadershipWalls } from './leadership-questions.js';

const ANSWER_MAX = 2000;
const cardParam = z.object({ cardId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * Leadership's answers to the group's questions. The co-facilitators (or the district
 * coordinator) record what the leadership team answered; the answer goes into this
 * session's log, and, when the next session of the series is already open, into its log
 * too, so its "since last time" slide shows it ("you asked, we answered").
 */
export function leadershipRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/questions', requireRole(keys, 'lead', 'support', 'coach', 'coordinator'), (c) => {
      const { runtime } = c.get('live');
      return c.json({ questions: leadershipQuestions(runtime.state, runtime.deck) });
    })
    .put(
      '/answers/:cardId',
      requireRole(keys, 'lead', 'support', 'coordinator'),
      requireOpId,
      validate('param', cardParam),
      validate('json', z.strictObject({ text: z.string().max(ANSWER_MAX * 2), team: z.string().trim().min(1).max(120) })),
      (c) => {
        const { runtime } = c.get('live');
        const { cardId } = c.req.valid('param');
        const { text, team } = c.req.valid('json');
        const { response, replayed } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => {
          const card = state.cards.get(cardId);
          if (!card || card.withdrawn || !leadershipWalls(runtime.deck).has(card.wall))
            throw new DomainError(404, 'unknown_question', 'There is no such question for leadership in this session.');
          const answer = { text: cleanOrRefuse(cleanText(text, ANSWER_MAX)), team: cleanOrRefuse(cleanText(team, 120)) };
          return { events: [event('leadership.answered', { cardId, ...answer })], response: { cardId, ...answer } };
        });
        if (!replayed) carryToNextSession(deps, runtime.state, cardId);
        return c.json(response);
      },
    );
}

/** Copies a new answer into the next session's log, when that session is already open. */
function carryToNextSession({ registry, programs }: AppDeps, state: SessionState, cardId: string): void {
  const link = state.series;
  const answer = state.leadershipAnswers.get(cardId);
  if (!link || !answer) return;
  const next = programs.get(link.programId)?.sessions.get(link.number + 1);
  const live = next ? registry.get(next.code) : undefined;
  if (!live?.runtime.state.carriedOver?.questions.some((q) => q.id === cardId)) return;
  live.runtime.execute({ role: 'system' }, undefined, () => ({ events: [event('series.answer-carried', { questionId: cardId, answer })], response: null }));
}
