import { createHash } from 'node:crypto';
import { fillTemplate, pickLanguage, planText } from '../../deck/deck-in-language.js';
import type { Deck } from '../../deck/deck-schema.js';
import type { TextByLanguage } from '../../deck/render-slide.js';
import type { PlanPart, PlanStrategy } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import type { PdfSource } from '../agreement/pdf/agreement-pdfs.js';
import { preparedStandards, subjectKey } from '../group-work/group-work-model.js';
import type { PlanContent, PlanRow } from './pdf/plan-pdf.js';
import type { ThankYouContent } from './pdf/thank-you-pdf.js';
import { planPart, plannedStrategies } from './plan-model.js';

/**
 * What the Partnership Plan's documents show, in one language: the plan (plan-pdf.ts) and
 * the thank-you letters (thank-you-pdf.ts). Both are versioned by the plan's content
 * position, kept by the plan's reducers.
 */

/** A text the school wrote in several languages, in `lang` if given, else in the first it has. */
export function inLanguage(text: TextByLanguage, lang: string, deck: Pick<Deck, 'languages'>): string {
  for (const candidate of [lang, ...deck.languages, ...Object.keys(text)]) {
    const value = text[candidate]?.trim();
    if (value) return value;
  }
  return '';
}

/** Grade levels as a reader takes them in: a run of the continuum's grades as "3–5", others listed. */
export function gradeSpan(grades: readonly string[], all: readonly string[]): string {
  const at = grades.map((g) => all.indexOf(g));
  const run = at.length > 1 && at.every((i, k) => k === 0 || i === at[k - 1] + 1);
  return run ? `${grades[0]}–${grades.at(-1)}` : grades.join(', ');
}

/** A strategy's subject area as the continuum's row names it in `lang` (the school's words), else as typed. */
export function subjectLabel(plan: PlanPart, subject: string, lang: string, deck: Deck): string {
  const row = plan.subjects.find((s) => s.key === subjectKey(subject));
  return row ? inLanguage(row.label, lang, deck) : subject;
}

export function planContent(state: SessionState, deck: Deck, lang: string): PlanContent | null {
  const words = planText(deck, lang);
  if (!words) return null;
  const plan = planPart(state, deck);
  const standards = new Map(preparedStandards(state, deck).map((s) => [s.id, [s.code?.trim(), inLanguage(s.text, lang, deck)].filter(Boolean).join(' ')] as const));
  const row = (s: PlanStrategy): PlanRow => ({
    text: s.text,
    about: [
      `${words.grades}: ${gradeSpan(s.placement!.grades, plan.grades)}`,
      s.groups.length ? fillTemplate(words.proposedBy, { groups: s.groups.join(', ') }) : null,
      plan.revealed ? fillTemplate(words.dots, { n: String(s.dots) }) : null,
    ]
      .filter(Boolean)
      .join(' · '),
    standards: s.standardIds.flatMap((id) => standards.get(id) ?? []),
    ...s.fields,
    checklist: words.checklistItems.map((item) => ({ label: item.label, ...(s.checklist[item.id] ?? { done: false, date: '', note: '' }) })),
  });
  const sections: PlanContent['sections'] = [];
  for (const strategy of plannedStrategies(plan)) {
    const subject = subjectLabel(plan, strategy.placement!.subject, lang, deck);
    const last = sections.at(-1);
    if (last?.subject === subject) last.strategies.push(row(strategy));
    else sections.push({ subject, strategies: [row(strategy)] });
  }
  const { school, title, subtitle, meetingTimes, contact, continuum, grades, standard, partners, outcomes, monitoring, evaluation, improvement, costs, personnel, notYet, checklist } = words;
  return {
    lang,
    words: { school, title, subtitle, meetingTimes, contact, continuum, grades, standard, partners, outcomes, monitoring, evaluation, improvement, costs, personnel, notYet, checklist },
    schoolName: state.schoolName,
    meetingTimes: plan.meetingTimes,
    contact: plan.contact,
    sections,
  };
}

/** The letters to each partner organisation: the strategies of the plan that name it. */
export function thankYouContent(state: SessionState, deck: Deck, lang: string): ThankYouContent | null {
  const words = planText(deck, lang);
  if (!words) return null;
  const plan = planPart(state, deck);
  const schoolName = state.schoolName || words.school;
  return {
    lang,
    schoolName,
    words: { ...words.thankYou, body: fillTemplate(words.thankYou.body, { school: schoolName }) },
    signedBy: plan.contact || words.thankYou.team,
    letters: plan.organisations.map((organisation) => ({
      organisation,
      strategies: plannedStrategies(plan)
        .filter((s) => s.fields.partners.some((p) => p.toLowerCase() === organisation.toLowerCase()))
        .map((s) => s.text),
    })),
  };
}

const digestOf = (content: unknown) => createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 16);

/**
 * The plan as one of the session's PDFs, in the language asked for. Its version is the
 * plan's content position (kept by its reducers), so a slide change or a note posted after
 * it does not make a new one.
 */
export const planPdfSource: PdfSource = {
  kind: 'partnership-plan',
  version(runtime, variant) {
    const content = planContent(runtime.state, runtime.deck, pickLanguage(runtime.deck, variant.languages?.[0] ?? runtime.deck.languages[0]));
    return content && { seq: runtime.state.plan.contentSeq, digest: digestOf(content), job: { kind: 'partnership-plan', content } };
  },
};

/** The thank-you letters to each partner organisation, versioned like the plan. */
export const thankYouPdfSource: PdfSource = {
  kind: 'thank-you-letters',
  version(runtime, variant) {
    const content = thankYouContent(runtime.state, runtime.deck, pickLanguage(runtime.deck, variant.languages?.[0] ?? runtime.deck.languages[0]));
    return content && { seq: runtime.state.plan.contentSeq, digest: digestOf(content), job: { kind: 'thank-you-letters', content } };
  },
};
