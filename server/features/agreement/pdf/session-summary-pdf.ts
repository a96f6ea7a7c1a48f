import type { SessionSummary } from '../../../exports/session-summary.js';
import { defaultFormatDate } from '../../../deck/prepared-date.js';
import { ACCENT, onePagePdf, type Block } from './agreement-pdf.js';

/** Module 1's groups as the summary's sentence names them ("2 parents and families"); a deck's other groups by their own plural. */
const SOME_OF: Record<string, string> = {
  parent: 'parents and families',
  teacher: 'teachers',
  classified: 'classified staff',
  administrator: 'administrators',
  community: 'community partners',
  student: 'students',
};

/** One person of each group, for "1 teacher". */
const ONE_OF: Record<string, string> = {
  parent: 'parent or family member',
  teacher: 'teacher',
  classified: 'classified staff member',
  administrator: 'administrator',
  community: 'community partner',
  student: 'student',
};

/** The session summary on one printable page (see server/domain/session-summary.ts). */
export function sessionSummaryPdf(summary: SessionSummary): Promise<Buffer> {
  return onePagePdf((scale) => summaryBlocks(summary, scale), { title: `${summary.schoolName || summary.deckTitle} — Session summary` });
}

function summaryBlocks(summary: SessionSummary, scale: number): Block[] {
  const s = (n: number) => n * scale;
  const heading = (text: string): Block => ({ text, font: 'bold', size: s(13), gapBefore: s(12), colour: ACCENT });
  const line = (text: string, first = false, bullet = false): Block => ({ text, font: 'regular', size: s(10.5), gapBefore: s(first ? 4 : 2), ...(bullet ? { indent: s(12), bullet: true } : {}) });
  const who = summary.attendance.filter((a) => a.people > 0).map((a) => `${a.people} ${a.people === 1 ? (ONE_OF[a.group] ?? a.name) : (SOME_OF[a.group] ?? a.plural)}`);
  const { agreement, feedback, pacing } = summary;
  const list: Block[] = [
    { text: summary.schoolName || summary.deckTitle, font: 'bold', size: s(20), gapBefore: 0, align: 'center', colour: ACCENT },
    { text: `Session summary · ${summary.deckTitle}`, font: 'bold', size: s(12.5), gapBefore: s(2), align: 'center' },
    { text: `${summary.date} · session ${summary.code}`, font: 'regular', size: s(10), gapBefore: s(2), align: 'center', colour: '#444444' },
    heading('Who took part'),
    line(`${summary.people} people${who.length ? `: ${who.join(', ')}` : ''}.`, true),
    heading('Our Partnership Agreement'),
    line(agreement.definition ? `Definition: ${agreement.definition}` : 'Definition: not written yet.', true),
    ...agreement.agreements.map((a, i) => line(a, i === 0, true)),
    ...(agreement.examples.length ? [line('How all adults will model it:'), ...agreement.examples.map((e) => line(e, false, true))] : []),
    ...(agreement.nextMeeting ? [line(`Copies at our next meeting: ${defaultFormatDate(agreement.nextMeeting, 'en')}`)] : []),
    heading('Feedback'),
    ...(feedback && feedback.responses > 0
      ? [
          line(`${feedback.responses} ${feedback.responses === 1 ? 'response' : 'responses'}.`, true),
          ...feedback.ratings.map((r) => line(`${r.label}: ${r.mean === null ? '—' : `${r.mean.toFixed(1)} of ${feedback.scaleMax}`} (${r.count})`, false, true)),
          ...feedback.comments.slice(0, 6).map((c) => line(`“${c.text}” (${c.question})`, false, true)),
        ]
      : [line('No feedback given.', true)]),
    heading('Pacing against the plan'),
    ...(pacing.started
      ? [
          line(`${pacing.actualMinutes} minutes of ${pacing.plannedMinutes} planned.`, true),
          ...pacing.sections.map((p) => line(`${p.title}: ${p.status === 'upcoming' ? 'not reached' : `${p.actualMinutes} min`} of ${p.plannedMinutes} planned`, false, true)),
        ]
      : [line('The workshop was not started.', true)]),
  ];
  return list;
}
