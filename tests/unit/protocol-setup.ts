import { testApp } from './test-app.js';

type App = ReturnType<typeof testApp>;

/** The process protocol deck's activity slides, by what they do. */
export const PROTOCOL = { profile: 13, standards: 14, intro: 15, groups: 16, brainstorm: 17, refine: 18, share: 19, vote: 20, continuum: 21, plan: 22, followUp: 23 } as const;

/** Learning standards as a school prepares them: two subject areas, English and Spanish. */
export const STANDARDS = [
  { id: 'ela-1', code: 'RL.3.1', text: { en: 'Ask and answer questions about a text', es: 'Hacer y responder preguntas sobre un texto' }, subject: { en: 'English language arts', es: 'Lengua y literatura' }, grades: '3–5' },
  { id: 'math-1', code: 'MP.4', text: { en: 'Model with mathematics', es: 'Modelar con matemáticas' }, subject: { en: 'Mathematics', es: 'Matemáticas' }, grades: '6–8' },
  { id: 'sci-1', text: { en: 'Plan and carry out investigations', es: 'Planear y realizar investigaciones' }, subject: { en: 'Science', es: 'Ciencias' }, grades: '9–12' },
];

/**
 * A process protocol session through the real API: the school's vision and standards
 * prepared, `staff` teachers and `partners` community partners joined, each partner's
 * introduction written, and the room split into mixed groups on slide 16.
 */
export async function protocolRoom(t: App, { staff = 4, partners = 4 } = {}) {
  const s = await t.startSession('Roosevelt High', 'partnership-protocol');
  const base = `/api/sessions/${s.code}`;
  const lead = s.leadKey;
  const prepare = (fieldId: string, value: unknown) => t.call('PUT', `${base}/preparation/fields/${fieldId}`, { key: lead, body: { value } });
  await prepare('vision', { kind: 'text', text: { en: 'Every graduate ready for college, career and community', es: 'Cada graduado preparado para la universidad, el trabajo y la comunidad' } });
  await prepare('learning-standards', { kind: 'standards', items: STANDARDS });
  const people: { participantId: string; token: string; side: 'staff' | 'partner' }[] = [];
  for (let i = 0; i < staff; i++) people.push({ ...(await t.joinAs(s.code, `Staff${i}`, 'teacher')), side: 'staff' });
  for (let i = 0; i < partners; i++) people.push({ ...(await t.joinAs(s.code, `Partner${i}`, 'community')), side: 'partner' });
  await t.showSlide(s.code, lead, PROTOCOL.intro);
  for (const [i, p] of people.filter((p) => p.side === 'partner').entries()) {
    await t.call('POST', `${base}/cards`, { key: p.token, body: { slide: PROTOCOL.intro, answers: [`Org ${i}`, `Graduates who can model with data ${i}`, `We hire graduates ${i}`, `Mentors ${i}`] } });
  }
  await t.showSlide(s.code, lead, PROTOCOL.groups);
  const made = await t.call('POST', `${base}/groups/slides/${PROTOCOL.groups}/propose`, { key: lead });
  return { s, base, lead, people, made: made.json as { groups: { groupId: string; size: number }[] } };
}
