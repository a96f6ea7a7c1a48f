import type { PlanStatus } from '../../contract/parts.js';

/**
 * The Leadership Action Plan's own words, for what the server writes (the PDF and the CSV):
 * its column headings and statuses. The plan's title, the strategies and the activities
 * are the deck's. English and Spanish; another language falls back to English.
 */
const en = {
  activity: 'Activity',
  lead: 'Who leads',
  start: 'Start',
  due: 'Due',
  dates: 'Dates',
  resources: 'Resources',
  resourcesNote: 'Resources: details',
  documentation: 'How progress will be documented',
  status: 'Status',
  note: 'Note',
  strategy: 'Strategy',
  strategyNumber: 'Strategy {n}',
  ownActivity: 'Our own activity',
  nothingPlanned: 'Nothing planned for this strategy this year.',
  notGiven: '—',
  preparedBy: 'Prepared by the district team with Partnerdeck, from the District Facilitation Inventory for Partnering.',
  page: 'Page {n} of {total}',
  'status-not-started': 'Not started',
  'status-in-progress': 'In progress',
  'status-done': 'Done',
  'status-on-hold': 'On hold',
} as const;

export type PlanWordKey = keyof typeof en;
export type PlanWords = Record<PlanWordKey, string>;

const es: PlanWords = {
  activity: 'Actividad',
  lead: 'Quién lo dirige',
  start: 'Inicio',
  due: 'Fecha límite',
  dates: 'Fechas',
  resources: 'Recursos',
  resourcesNote: 'Recursos: detalles',
  documentation: 'Cómo se documentará el progreso',
  status: 'Estado',
  note: 'Nota',
  strategy: 'Estrategia',
  strategyNumber: 'Estrategia {n}',
  ownActivity: 'Actividad propia',
  nothingPlanned: 'No hay nada planeado para esta estrategia este año.',
  notGiven: '—',
  preparedBy: 'Preparado por el equipo del distrito con Partnerdeck, a partir del Inventario de facilitación del distrito para la colaboración.',
  page: 'Página {n} de {total}',
  'status-not-started': 'Sin empezar',
  'status-in-progress': 'En curso',
  'status-done': 'Terminado',
  'status-on-hold': 'En pausa',
};

const catalogs: Record<string, PlanWords> = { en, es };

export function planWords(lang: string): PlanWords {
  return catalogs[lang] ?? catalogs[lang.split('-')[0]] ?? en;
}

export function statusWord(words: PlanWords, status: PlanStatus): string {
  return words[`status-${status}`];
}
