import type { PlanContent } from '../../partnership-plan/pdf/plan-pdf.js';
import { planPdf } from '../../partnership-plan/pdf/plan-pdf.js';
import type { ThankYouContent } from '../../partnership-plan/pdf/thank-you-pdf.js';
import { thankYouPdf } from '../../partnership-plan/pdf/thank-you-pdf.js';
import { agreementPdf, type AgreementContent, type PaperSize } from './agreement-pdf.js';

/**
 * Every kind of document the PDF renderer threads draw, with what each needs. The
 * agreement was the first; the process protocol's Partnership Plan and its thank-you
 * letters are others. A new kind is one more case here and its drawing function: the
 * pool, the cache, the ETags and the limits are the same for all.
 */
export type PdfJob =
  | { kind: 'agreement'; content: AgreementContent }
  | { kind: 'partnership-plan'; content: PlanContent }
  | { kind: 'thank-you-letters'; content: ThankYouContent };

export type PdfKind = PdfJob['kind'];

/** Draws one document (on a renderer thread). */
export function drawPdf(job: PdfJob, size: PaperSize): Promise<Buffer> {
  switch (job.kind) {
    case 'agreement':
      return agreementPdf(job.content, size);
    case 'partnership-plan':
      return planPdf(job.content, size);
    case 'thank-you-letters':
      return thankYouPdf(job.content, size);
  }
}
