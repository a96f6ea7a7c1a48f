import { Hono } from 'hono';
import { z } from 'zod';
import { INVENTORY_DECISIONS, INVENTORY_MARKS, OTHER_MARKS, PLAN_STATUSES } from '../../contract/parts.js';
import { pickLanguage } from '../../deck/deck-in-language.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { errorBody } from '../../http/errors.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { decide, editPlanRow, mergeOthers, unmergeOther } from './decision-commands.js';
import { addOther, changeOther, markActivity, removeOther } from './inventory-commands.js';
import { planCsv, planJson } from './plan-export.js';
import { inventoryWords, planDocument } from './plan-model.js';
import { AgreementPdfs } from '../agreement/pdf/agreement-pdfs.js';
import { answerPdf } from '../agreement/pdf/pdf-answer.js';
import { AGREEMENT_PDF_RATE } from '../agreement/agreement-routes.js';
import { clientAddress } from '../../http/client-address.js';
import { rateLimit } from '../../http/rate-limit.js';
import { planPdfSource } from './plan-pdf-source.js';

const activityId = z.string().regex(/^[a-z][a-z0-9-]{0,79}$/, 'is not an activity id');
const otherId = z.string().regex(/^o_[A-Za-z0-9_-]{1,40}$/, 'is not an id of an "other" activity');
const item = z.union([activityId, otherId]);
const strategyId = z.string().regex(/^[a-z][a-z0-9-]{0,79}$/, 'is not a strategy id');
const written = (max: number) => z.string().max(max * 4);
const isoDateOrEmpty = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date such as 2025-09-01')]);
const lang = z.strictObject({ lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional() });

const planChanges = z
  .strictObject({
    lead: written(120).optional(),
    start: isoDateOrEmpty.optional(),
    due: isoDateOrEmpty.optional(),
    resources: z.array(z.string().max(80)).max(20).optional(),
    resourcesNote: written(300).optional(),
    documentation: written(300).optional(),
    status: z.enum(PLAN_STATUSES).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'name at least one field to change');

/**
 * The District Facilitation Inventory. Its words (with this district's terms) and its plan
 * are read with the join code; members answer and add their own activities; the
 * facilitators merge duplicates, record decisions and fill in the plan.
 */
export function inventoryRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const member = [participantWrite(deps, 'participant')] as const;
  const staff = [requireRole(keys, 'lead', 'support'), requireOpId] as const;
  // The same renderer threads and cache as the agreement's: one pool per server, whatever it prints.
  const pdfs = deps.agreementPdfs ?? new AgreementPdfs(registry);
  const pdfPerAddress = rateLimit({ name: 'plan PDF per address', ...AGREEMENT_PDF_RATE, key: (c) => `plan-pdf:${clientAddress(c)}` });
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/words', validate('query', lang), (c) => {
      const { runtime } = c.get('live');
      const words = inventoryWords(runtime.state, runtime.deck, pickLanguage(runtime.deck, c.req.valid('query').lang ?? runtime.deck.languages[0]));
      if (!words) return c.json(errorBody('no_inventory', `The deck "${runtime.deck.title}" has no inventory.`), 404);
      return c.json(words);
    })
    .put('/marks/:activityId', ...member, validate('param', z.object({ activityId })), validate('json', z.strictObject({ mark: z.enum(INVENTORY_MARKS).nullable() })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => markActivity(state, runtime.deck, c.get('subject'), c.req.valid('param').activityId, c.req.valid('json').mark));
      return c.json(response);
    })
    .post(
      '/others',
      participantWrite(deps, 'participant', 'lead', 'support'),
      validate('json', z.strictObject({ strategy: strategyId, text: written(200), mark: z.enum(OTHER_MARKS).nullable().optional() })),
      (c) => {
        const { runtime } = c.get('live');
        const { strategy, text, mark } = c.req.valid('json');
        const author = c.get('actor').role === 'participant' ? c.get('subject') : null;
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => addOther(state, runtime.deck, author, strategy, text, mark ?? null, context));
        return c.json(response, 201);
      },
    )
    .patch('/others/:otherId', ...member, validate('param', z.object({ otherId })), validate('json', z.strictObject({ text: written(200).optional(), mark: z.enum(OTHER_MARKS).nullable().optional() })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => changeOther(state, runtime.deck, c.get('subject'), c.req.valid('param').otherId, c.req.valid('json')));
      return c.json(response);
    })
    .delete('/others/:otherId', ...member, validate('param', z.object({ otherId })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => removeOther(state, runtime.deck, c.get('subject'), c.req.valid('param').otherId));
      return c.json(response);
    })
    .post('/merges', ...staff, validate('json', z.strictObject({ otherId, intoId: otherId })), (c) => {
      const { runtime } = c.get('live');
      const { otherId: from, intoId } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => mergeOthers(state, runtime.deck, from, intoId));
      return c.json(response);
    })
    .delete('/merges/:otherId', ...staff, validate('param', z.object({ otherId })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => unmergeOther(state, runtime.deck, c.req.valid('param').otherId));
      return c.json(response);
    })
    .put('/decisions/:item', ...staff, validate('param', z.object({ item })), validate('json', z.strictObject({ decision: z.enum(INVENTORY_DECISIONS).nullable(), note: written(300).optional() })), (c) => {
      const { runtime } = c.get('live');
      const { decision, note } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => decide(state, runtime.deck, c.req.valid('param').item, decision, note));
      return c.json(response);
    })
    .put('/plan-rows/:item', ...staff, validate('param', z.object({ item })), validate('json', planChanges), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => editPlanRow(state, runtime.deck, c.req.valid('param').item, c.req.valid('json')));
      return c.json(response);
    })
    // The plan holds no one's marks, only the team's decisions: like the agreement, it is read with the code.
    .get('/plan', validate('query', lang), (c) => {
      const { runtime } = c.get('live');
      const plan = planDocument(runtime.state, runtime.deck, pickLanguage(runtime.deck, c.req.valid('query').lang ?? runtime.deck.languages[0]));
      if (!plan) return c.json(errorBody('no_inventory', `The deck "${runtime.deck.title}" has no inventory.`), 404);
      // Whoever reads the plan may well download it next.
      pdfs.pool.warm();
      return c.json(plan);
    })
    .get('/plan/:file', pdfPerAddress, validate('param', z.object({ file: z.enum(['pdf', 'csv', 'json']) })), validate('query', lang.extend({ size: z.enum(['letter', 'a4']).optional() })), async (c) => {
      const { runtime } = c.get('live');
      const { file } = c.req.valid('param');
      const { lang: wanted, size } = c.req.valid('query');
      const planLang = pickLanguage(runtime.deck, wanted ?? runtime.deck.languages[0]);
      if (file === 'pdf') {
        const request = pdfs.describe(runtime, { size: size === 'a4' ? 'A4' : 'LETTER', languages: [planLang] }, planPdfSource);
        if (!request) return c.json(errorBody('no_inventory', `The deck "${runtime.deck.title}" has no inventory.`), 404);
        return answerPdf(c, pdfs, request, `leadership-action-plan-${runtime.code}.pdf`);
      }
      const plan = planDocument(runtime.state, runtime.deck, planLang);
      if (!plan) return c.json(errorBody('no_inventory', `The deck "${runtime.deck.title}" has no inventory.`), 404);
      const name = `leadership-action-plan-${runtime.code}`;
      if (file === 'json') {
        c.header('Content-Disposition', `attachment; filename="${name}.json"`);
        return c.json(planJson(plan));
      }
      return c.body(planCsv(plan), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
    });
}
