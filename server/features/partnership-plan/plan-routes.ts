import { Hono } from 'hono';
import { z } from 'zod';
import { pickLanguage, planText } from '../../deck/deck-in-language.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { errorBody } from '../../http/errors.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { clientAddress } from '../../http/client-address.js';
import { rateLimit } from '../../http/rate-limit.js';
import { AGREEMENT_PDF_RATE } from '../agreement/agreement-routes.js';
import { AgreementPdfs } from '../agreement/pdf/agreement-pdfs.js';
import { answerPdf } from '../agreement/pdf/pdf-answer.js';
import { preparedStandards } from '../group-work/group-work-model.js';
import { editPlan, editStrategy, markChecklist, placeStrategy, PLAN_LIMITS, removePlacement } from './plan-commands.js';
import { planPdfSource, thankYouPdfSource } from './plan-document.js';
import { planCsv, planExport } from './plan-export.js';
import { planPart } from './plan-model.js';

const cardParam = z.object({ cardId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) });
const raw = (max: number) => z.string().max(max * 4);
const lang = z.string().max(20).optional();
const pdfQuery = z.strictObject({ size: z.enum(['letter', 'a4']).optional(), lang });

/**
 * The continuum of learning and the Partnership Plan (the process protocol's step 7),
 * with its checklist for steps 8–10 and the thank-you letters. Reading the plan, its PDF
 * and the letters needs only the session code, like the agreement: they name
 * organisations and strategies, never a participant. Every change is a facilitator's (the
 * partnership team keeps the plan with the lead's or the support facilitator's link).
 */
export function planRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const staff = [requireRole(keys, 'lead', 'support'), requireOpId] as const;
  // The one PDF service of the app: its threads, cache and limits serve the agreement too.
  const pdfs = deps.agreementPdfs ?? new AgreementPdfs(registry);
  // The plan's downloads have their own allowance per address, at the agreement's rate.
  const planPdfs = rateLimit({ name: 'plan PDF per address', ...AGREEMENT_PDF_RATE, key: (c) => `plan-pdf:${clientAddress(c)}` });
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/', validate('query', z.strictObject({ lang })), (c) => {
      const { runtime } = c.get('live');
      const reader = pickLanguage(runtime.deck, c.req.valid('query').lang ?? runtime.deck.languages[0]);
      const wording = planText(runtime.deck, reader);
      if (!wording) return c.json(errorBody('no_plan', `The deck "${runtime.deck.title}" has no Partnership Plan.`), 404);
      pdfs.pool.warm();
      return c.json({
        code: runtime.code,
        schoolName: runtime.state.schoolName,
        deckTitle: runtime.deck.title,
        languages: runtime.deck.languages,
        lang: reader,
        wording,
        plan: planPart(runtime.state, runtime.deck),
        standards: preparedStandards(runtime.state, runtime.deck),
      });
    })
    .get('/pdf', planPdfs, validate('query', pdfQuery), async (c) => {
      const { runtime } = c.get('live');
      const { size, lang } = c.req.valid('query');
      const request = pdfs.describe(runtime, { size: size === 'a4' ? 'A4' : 'LETTER', languages: [pickLanguage(runtime.deck, lang ?? runtime.deck.languages[0])] }, planPdfSource);
      if (!request) return c.json(errorBody('no_plan', `The deck "${runtime.deck.title}" has no Partnership Plan.`), 404);
      return answerPdf(c, pdfs, request, `partnership-plan-${runtime.code}.pdf`);
    })
    .get('/letters.pdf', planPdfs, validate('query', pdfQuery), async (c) => {
      const { runtime } = c.get('live');
      const { size, lang } = c.req.valid('query');
      const request = pdfs.describe(runtime, { size: size === 'a4' ? 'A4' : 'LETTER', languages: [pickLanguage(runtime.deck, lang ?? runtime.deck.languages[0])] }, thankYouPdfSource);
      if (!request) return c.json(errorBody('no_plan', `The deck "${runtime.deck.title}" has no Partnership Plan.`), 404);
      return answerPdf(c, pdfs, request, `thank-you-letters-${runtime.code}.pdf`);
    })
    .get('/export.json', requireRole(keys, 'lead', 'support'), validate('query', z.strictObject({ lang })), (c) => {
      const { runtime } = c.get('live');
      c.header('Content-Disposition', `attachment; filename="partnership-plan-${runtime.code}.json"`);
      return c.json(planExport(runtime.state, runtime.deck, c.req.valid('query').lang));
    })
    .get('/export.csv', requireRole(keys, 'lead', 'support'), validate('query', z.strictObject({ lang })), (c) => {
      const { runtime } = c.get('live');
      return c.body(planCsv(planExport(runtime.state, runtime.deck, c.req.valid('query').lang)), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="partnership-plan-${runtime.code}.csv"`,
      });
    })
    .put('/', ...staff, validate('json', z.strictObject({ meetingTimes: raw(PLAN_LIMITS.meetingTimes).optional(), contact: raw(PLAN_LIMITS.contact).optional() })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => editPlan(state, c.req.valid('json')));
      return c.json(response);
    })
    .put('/continuum/:cardId', ...staff, validate('param', cardParam), validate('json', z.strictObject({ subject: raw(PLAN_LIMITS.subject), grades: z.array(z.string().max(12)).max(20) })), (c) => {
      const { runtime } = c.get('live');
      const { subject, grades } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => placeStrategy(state, runtime.deck, c.req.valid('param').cardId, subject, grades));
      return c.json(response);
    })
    .delete('/continuum/:cardId', ...staff, validate('param', cardParam), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => removePlacement(state, runtime.deck, c.req.valid('param').cardId));
      return c.json(response);
    })
    .put(
      '/strategies/:cardId',
      ...staff,
      validate('param', cardParam),
      validate(
        'json',
        z.strictObject({
          partners: z.array(raw(PLAN_LIMITS.partner)).max(PLAN_LIMITS.partners * 2).optional(),
          outcomes: raw(PLAN_LIMITS.field).optional(),
          monitoring: raw(PLAN_LIMITS.field).optional(),
          evaluation: raw(PLAN_LIMITS.field).optional(),
          improvement: raw(PLAN_LIMITS.field).optional(),
          costs: raw(PLAN_LIMITS.field).optional(),
          personnel: raw(PLAN_LIMITS.field).optional(),
        }),
      ),
      (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => editStrategy(state, runtime.deck, c.req.valid('param').cardId, c.req.valid('json')));
        return c.json(response);
      },
    )
    .put(
      '/checklist/:cardId/:item',
      ...staff,
      validate('param', cardParam.extend({ item: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/) })),
      validate('json', z.strictObject({ done: z.boolean(), date: z.union([z.literal(''), z.iso.date()]), note: raw(PLAN_LIMITS.note) })),
      (c) => {
        const { runtime } = c.get('live');
        const { cardId, item } = c.req.valid('param');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => markChecklist(state, runtime.deck, cardId, item, c.req.valid('json')));
        return c.json(response);
      },
    );
}
