import type { PlanDocument } from '../../inventory/plan-model.js';
import { planPdf as inventoryPlanPdf } from '../../inventory/plan-pdf.js';
import { planPdf as partnershipPlanPdf, type PlanContent } from '../../partnership-plan/pdf/plan-pdf.js';
import { thankYouPdf, type ThankYouContent } from '../../partnership-plan/pdf/thank-you-pdf.js';
import { agreementPdf, type AgreementContent, type PaperSize } from './agreement-pdf.js';
import type { AgreementWords } from './agreement-words.js';
import { reportPdf, type ReportContent } from '../../series/report-pdf.js';

/**
 * Every kind of document the PDF renderer threads draw, with what each needs. The
 * agreement was the first; a series session's feedback-loop report, the inventory's
 * Leadership Action Plan, and the process protocol's Partnership Plan and its thank-you
 * letters are others. A new kind is one more case here and its drawing function: the
 * pool, the cache, the ETags and the limits are the same for all.
 */
export type PdfJob =
  | { kind: 'agreement'; content: AgreementContent; /** Its words in its one or two languages (agreement-words.ts). */ words: AgreementWords[] }
  | { kind: 'report'; content: ReportContent }
  | { kind: 'inventory-plan'; content: PlanDocument }
  | { kind: 'partnership-plan'; content: PlanContent }
  | { kind: 'thank-you-letters'; content: ThankYouContent };

export type PdfKind = PdfJob['kind'];

/** Draws one document (on a renderer thread). */
export function drawPdf(job: PdfJob, size: PaperSize): Promise<Buffer> {
  switch (job.kind) {
    case 'agreement':
      return agreementPdf(job.content, size, job.words);
    case 'report':
      return reportPdf(job.content, size);
    case 'inventory-plan':
      return inventoryPlanPdf(job.content, size);
    case 'partnership-plan':
      return partnershipPlanPdf(job.content, size);
    case 'thank-you-letters':
      return thankYouPdf(job.content, size);
  }
}
