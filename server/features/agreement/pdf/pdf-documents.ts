import type { PlanDocument } from '../../inventory/plan-model.js';
import { planPdf } from '../../inventory/plan-pdf.js';
import { agreementPdf, type AgreementContent, type PaperSize } from './agreement-pdf.js';
import type { AgreementWords } from './agreement-words.js';
import { reportPdf, type ReportContent } from '../../series/report-pdf.js';

/**
 * Every kind of document the PDF renderer threads draw, with what each needs. The
 * agreement was the first; a series session's feedback-loop report and the inventory's
 * Leadership Action Plan are others. A new kind
 * is one more case here and its drawing function: the pool, the cache, the ETags and the
 * limits are the same for all.
 */
export type PdfJob =
  | { kind: 'agreement'; content: AgreementContent; /** Its words in its one or two languages (agreement-words.ts). */ words: AgreementWords[] }
  | { kind: 'report'; content: ReportContent }
  | { kind: 'inventory-plan'; content: PlanDocument };

export type PdfKind = PdfJob['kind'];

/** Draws one document (on a renderer thread). */
export function drawPdf(job: PdfJob, size: PaperSize): Promise<Buffer> {
  switch (job.kind) {
    case 'agreement':
      return agreementPdf(job.content, size, job.words);
    case 'report':
      return reportPdf(job.content, size);
    case 'inventory-plan':
      return planPdf(job.content, size);
  }
}
