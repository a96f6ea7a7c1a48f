import type { ServedCatalog } from '../../../contract/i18n.js';
import type { SessionSummary } from '../../../exports/session-summary.js';
import { ACCENT, onePagePdf, type Block } from './agreement-pdf.js';
import { writtenDate } from './agreement-words.js';
import { defaultFormatDate } from '../../../deck/prepared-date.js';

/**
 * The session summary on one printable page (see server/exports/session-summary.ts), in
 * one language: its words from `locales/summary/<lang>.json`, what people wrote as they
 * wrote it.
 */
export function sessionSummaryPdf(summary: SessionSummary, catalog: ServedCatalog): Promise<Buffer> {
  const say = sayer(catalog);
  return onePagePdf((scale) => summaryBlocks(summary, scale, say, catalog), {
    title: say('docTitle', { school: summary.schoolName || summary.deckTitle }),
    lang: catalog.language.code,
  });
}

type Say = (key: string, values?: Record<string, string | number>) => string;

/** A message of the catalog with its values filled in; a plural message picks its form by `n`. */
function sayer(catalog: ServedCatalog): Say {
  const lang = catalog.language.code;
  const plurals = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return (key, values = {}) => {
    const message = catalog.messages[key];
    if (message === undefined) return key;
    const n = typeof values.n === 'number' ? values.n : 0;
    const text = typeof message === 'string' ? message : (message[plurals.select(n)] ?? message.other);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      return value === undefined ? '' : typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

function summaryBlocks(summary: SessionSummary, scale: number, say: Say, catalog: ServedCatalog): Block[] {
  const lang = catalog.language.code;
  const s = (n: number) => n * scale;
  const heading = (text: string): Block => ({ text, font: 'bold', size: s(13), gapBefore: s(12), colour: ACCENT });
  const line = (text: string, first = false, bullet = false): Block => ({ text, font: 'regular', size: s(10.5), gapBefore: s(first ? 4 : 2), ...(bullet ? { indent: s(12), bullet: true } : {}) });
  // Module 1's groups are worded by the catalog ("1 parent or family member", "2 parents and families"); a deck's other groups by their own name and plural.
  const who = summary.attendance
    .filter((a) => a.people > 0)
    .map((a) => (catalog.messages[`group-${a.group}`] !== undefined ? say(`group-${a.group}`, { n: a.people }) : say('groupOther', { n: a.people, group: a.people === 1 ? a.name : a.plural })));
  const people = say('people', { n: summary.people });
  const { agreement, feedback, pacing } = summary;
  const list: Block[] = [
    { text: summary.schoolName || summary.deckTitle, font: 'bold', size: s(20), gapBefore: 0, align: 'center', colour: ACCENT },
    { text: say('titleOf', { deck: summary.deckTitle }), font: 'bold', size: s(12.5), gapBefore: s(2), align: 'center' },
    { text: say('dateSession', { date: writtenDate(summary.date, lang), code: summary.code }), font: 'regular', size: s(10), gapBefore: s(2), align: 'center', colour: '#444444' },
    heading(say('whoTookPart')),
    line(who.length ? say('peopleByGroup', { people, groups: who.join(', ') }) : say('peopleOnly', { people }), true),
    heading(say('agreementHeading')),
    line(agreement.definition ? say('definition', { text: agreement.definition }) : say('noDefinition'), true),
    ...agreement.agreements.map((a, i) => line(a, i === 0, true)),
    ...(agreement.examples.length ? [line(say('examples')), ...agreement.examples.map((e) => line(e, false, true))] : []),
    ...(agreement.nextMeeting ? [line(say('nextMeeting', { date: defaultFormatDate(agreement.nextMeeting, lang) }))] : []),
    heading(say('feedbackHeading')),
    ...(feedback && feedback.responses > 0
      ? [
          line(say('responses', { n: feedback.responses }), true),
          ...feedback.ratings.map((r) =>
            line(r.mean === null ? say('ratingNone', { label: r.label, n: r.count }) : say('rating', { label: r.label, mean: Math.round(r.mean * 10) / 10, max: feedback.scaleMax, n: r.count }), false, true),
          ),
          ...feedback.comments.slice(0, 6).map((c) => line(say('comment', { text: c.text, question: c.question }), false, true)),
        ]
      : [line(say('noFeedback'), true)]),
    heading(say('pacingHeading')),
    ...(pacing.started
      ? [
          line(say('minutesOfPlanned', { actual: pacing.actualMinutes, planned: pacing.plannedMinutes }), true),
          ...pacing.sections.map((p) =>
            line(p.status === 'upcoming' ? say('sectionNotReached', { title: p.title, planned: p.plannedMinutes }) : say('sectionMinutes', { title: p.title, actual: p.actualMinutes, planned: p.plannedMinutes }), false, true),
          ),
        ]
      : [line(say('notStarted'), true)]),
  ];
  return list;
}
