import type { StakeholderGroup } from '../../domain/events.js';

/**
 * Every word the feedback-loop report prints that is not the deck's or the room's own, in
 * each language the report is given in. A language not here falls back to English.
 */
export interface ReportWords {
  title: string;
  sessionOf: string;
  facilitators: string;
  coach: string;
  for: string;
  attendance: string;
  people: string;
  returning: string;
  products: string;
  groupIdeas: string;
  agreement: string;
  feedback: string;
  responses: string;
  reflections: string;
  fidelity: string;
  score: string;
  notMarked: string;
  questions: string;
  answer: string;
  noAnswer: string;
  nothing: string;
  groups: Record<StakeholderGroup, string>;
  roles: Record<string, string>;
}

export const REPORT_WORDS: Record<string, ReportWords> = {
  en: {
    title: 'Session report',
    sessionOf: 'Session {number} of {sessions}',
    facilitators: 'Co-facilitators',
    coach: 'Coach',
    for: 'For',
    attendance: 'Attendance by group, and returning participants',
    people: '{count} people',
    returning: '{count} came back from an earlier session',
    products: 'What the group produced',
    groupIdeas: 'Small groups',
    agreement: 'Partnership Agreement',
    feedback: 'Feedback summary',
    responses: '{count} responses; average from 1 to 5',
    reflections: 'Shared reflections',
    fidelity: 'Session fidelity',
    score: '{score}% ({marked} of {total} items marked)',
    notMarked: 'Not marked yet',
    questions: 'Questions for leadership',
    answer: 'Answer ({team})',
    noAnswer: 'Awaiting an answer',
    nothing: 'None recorded.',
    groups: {
      parent: 'Parents and families',
      teacher: 'Teachers',
      classified: 'Classified staff',
      administrator: 'Administrators',
      community: 'Community partners',
      student: 'Students',
    },
    roles: { parent: 'parent', teacher: 'teacher', lead: 'lead', support: 'support' },
  },
  es: {
    title: 'Informe de la sesión',
    sessionOf: 'Sesión {number} de {sessions}',
    facilitators: 'Cofacilitadores',
    coach: 'Coach',
    for: 'Para',
    attendance: 'Asistencia por grupo y participantes que regresan',
    people: '{count} personas',
    returning: '{count} regresaron de una sesión anterior',
    products: 'Lo que produjo el grupo',
    groupIdeas: 'Grupos pequeños',
    agreement: 'Acuerdo de Colaboración',
    feedback: 'Resumen de opiniones',
    responses: '{count} respuestas; promedio de 1 a 5',
    reflections: 'Reflexiones compartidas',
    fidelity: 'Fidelidad de la sesión',
    score: '{score} % ({marked} de {total} puntos marcados)',
    notMarked: 'Todavía sin marcar',
    questions: 'Preguntas para el equipo de liderazgo',
    answer: 'Respuesta ({team})',
    noAnswer: 'En espera de respuesta',
    nothing: 'Nada registrado.',
    groups: {
      parent: 'Padres y familias',
      teacher: 'Maestros',
      classified: 'Personal clasificado',
      administrator: 'Administradores',
      community: 'Socios de la comunidad',
      student: 'Estudiantes',
    },
    roles: { parent: 'madre o padre de familia', teacher: 'maestro(a)', lead: 'principal', support: 'de apoyo' },
  },
};

export function reportWords(lang: string): ReportWords {
  return REPORT_WORDS[lang] ?? REPORT_WORDS.en;
}

/** Fills `{name}` in a catalog string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
