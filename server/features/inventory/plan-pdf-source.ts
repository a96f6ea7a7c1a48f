import { createHash } from 'node:crypto';
import type { PdfSource } from '../agreement/pdf/agreement-pdfs.js';
import { planDocument } from './plan-model.js';

/**
 * The Leadership Action Plan as one of the session's PDFs, in the language asked for. Its
 * version is the log position of the last change to what it shows (a decision, a plan
 * row, an "other" activity's wording, the district's terms), kept by the inventory's
 * reducers: marks and slide changes after it do not make a new one.
 */
export const planPdfSource: PdfSource = {
  kind: 'inventory-plan',
  version(runtime, variant) {
    const plan = planDocument(runtime.state, runtime.deck, variant.languages?.[0] ?? runtime.deck.languages[0]);
    if (!plan) return null;
    const digest = createHash('sha256').update(JSON.stringify(plan)).digest('base64url').slice(0, 16);
    return { seq: runtime.state.inventory.planSeq, digest, job: { kind: 'inventory-plan', content: plan } };
  },
};
