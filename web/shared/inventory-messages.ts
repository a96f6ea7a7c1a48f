import type { InventoryDecision, InventoryMark, OtherMark } from '../../server/contract/parts.js';

/**
 * Every word the District Facilitation Inventory's screens show around the deck's own text
 * (the strategies and activities come from the deck, in the reader's language): the phone,
 * the projector and notes view, the plan page. English and Spanish; `{name}` marks a value.
 * The phone passes its chosen language; the facilitators' screens follow the browser's.
 */
const en = {
  loading: 'Loading the inventory…',
  directions: 'For each activity: ✓ if the district conducts it now, ☆ if it should start it. Leave the rest as "neither".',
  strategyOf: 'Strategy {n} of {total}',
  chooseStrategy: 'Strategy',
  previous: 'Previous strategy',
  next: 'Next strategy',
  progressAll: 'You have answered {n} of {total} activities.',
  progressStrategy: '{n} of {total} answered in this strategy',
  strategyDone: 'done',
  'mark-conducted': '✓ Conducted now',
  'mark-initiate': '☆ To initiate',
  'mark-neither': 'Neither',
  markGroup: 'Your mark for: {activity}',
  ownTitle: 'Your own activities',
  ownLabel: 'Another activity',
  ownMarkLabel: 'It is',
  ownAdd: 'Add',
  ownRemove: 'Remove',
  ownRemoveNamed: 'Remove: {text}',
  ownEmpty: 'Please write the activity first.',
  sending: 'Sending…',
  closed: 'Marking is closed. Watch the screen.',
  membersMarked: '{started} of {members} members have marked this strategy; {done} have finished it.',
  nobodyYet: 'Nobody has marked the inventory yet.',
  conductedShort: '✓ conducted now',
  initiateShort: '☆ to initiate',
  countConducted: '{n} ✓',
  countInitiate: '{n} ☆',
  countsLabel: '{conducted} marked conducted now, {initiate} to initiate, {neither} neither',
  disagree: 'We see it differently',
  mostStarred: 'Most starred',
  decisionFor: 'Decision for: {activity}',
  noteFor: 'Note for: {activity}',
  notePlaceholder: 'Note',
  notDecided: 'Not decided',
  'decision-conducted': 'Conducted',
  'decision-initiate-this-year': 'To initiate this year',
  'decision-later': 'Later',
  'decision-not-for-us': 'Not for us',
  lastYear: 'Last year: {decision}',
  othersTitle: 'Our own activities',
  othersNone: 'No one has added an activity of their own to this strategy.',
  people: '{n} people',
  person: '1 person',
  alsoWritten: 'Also written as: {texts}',
  mergeInto: 'Merge "{text}" into',
  mergeChoose: 'Choose a duplicate…',
  separate: 'Separate "{text}"',
  fromLastYear: 'from last year',
  changesFrom: 'Since the inventory of {when} ({name}, session {code})',
  changesNone: 'This inventory did not start from an earlier one.',
  newlyConducted: 'Newly conducted',
  stillStarred: 'Still to initiate',
  dropped: 'Set aside',
  nothingHere: 'None.',
  beforeNow: '{before} → {now}',
  planEmpty: 'No activity is decided "to initiate this year" yet.',
  planRowFor: 'Plan for: {activity}',
  openPlan: 'Open the printable plan',
  print: 'Print',
  downloadPdf: 'Download PDF',
  downloadCsv: 'Download CSV',
  downloadJson: 'Download JSON',
  language: 'Language',
  planProblem: 'The plan could not be loaded. Check the code in the address.',
  saved: 'Saved',
} as const;

export type InventoryMessageKey = keyof typeof en;
type Catalog = Record<InventoryMessageKey, string>;

const es: Catalog = {
  loading: 'Cargando el inventario…',
  directions: 'En cada actividad: ✓ si el distrito ya la realiza, ☆ si debería empezarla. Deje las demás como "ninguna".',
  strategyOf: 'Estrategia {n} de {total}',
  chooseStrategy: 'Estrategia',
  previous: 'Estrategia anterior',
  next: 'Estrategia siguiente',
  progressAll: 'Ha respondido {n} de {total} actividades.',
  progressStrategy: '{n} de {total} respondidas en esta estrategia',
  strategyDone: 'terminada',
  'mark-conducted': '✓ Ya se realiza',
  'mark-initiate': '☆ Para empezar',
  'mark-neither': 'Ninguna',
  markGroup: 'Su marca para: {activity}',
  ownTitle: 'Sus propias actividades',
  ownLabel: 'Otra actividad',
  ownMarkLabel: 'Es',
  ownAdd: 'Agregar',
  ownRemove: 'Quitar',
  ownRemoveNamed: 'Quitar: {text}',
  ownEmpty: 'Primero escriba la actividad.',
  sending: 'Enviando…',
  closed: 'El inventario está cerrado. Mire la pantalla.',
  membersMarked: '{started} de {members} miembros han marcado esta estrategia; {done} la terminaron.',
  nobodyYet: 'Nadie ha marcado el inventario todavía.',
  conductedShort: '✓ ya se realiza',
  initiateShort: '☆ para empezar',
  countConducted: '{n} ✓',
  countInitiate: '{n} ☆',
  countsLabel: '{conducted} la marcaron como ya realizada, {initiate} para empezar, {neither} ninguna',
  disagree: 'La vemos de manera distinta',
  mostStarred: 'Más estrellas',
  decisionFor: 'Decisión para: {activity}',
  noteFor: 'Nota para: {activity}',
  notePlaceholder: 'Nota',
  notDecided: 'Sin decidir',
  'decision-conducted': 'Ya se realiza',
  'decision-initiate-this-year': 'Empezar este año',
  'decision-later': 'Más adelante',
  'decision-not-for-us': 'No es para nosotros',
  lastYear: 'El año pasado: {decision}',
  othersTitle: 'Nuestras propias actividades',
  othersNone: 'Nadie ha agregado una actividad propia a esta estrategia.',
  people: '{n} personas',
  person: '1 persona',
  alsoWritten: 'También escrita como: {texts}',
  mergeInto: 'Unir "{text}" con',
  mergeChoose: 'Elija un duplicado…',
  separate: 'Separar "{text}"',
  fromLastYear: 'del año pasado',
  changesFrom: 'Desde el inventario del {when} ({name}, sesión {code})',
  changesNone: 'Este inventario no empezó a partir de uno anterior.',
  newlyConducted: 'Ya se realizan',
  stillStarred: 'Siguen para empezar',
  dropped: 'Dejadas de lado',
  nothingHere: 'Ninguna.',
  beforeNow: '{before} → {now}',
  planEmpty: 'Todavía no hay actividades decididas "para empezar este año".',
  planRowFor: 'Plan para: {activity}',
  openPlan: 'Abrir el plan para imprimir',
  print: 'Imprimir',
  downloadPdf: 'Descargar PDF',
  downloadCsv: 'Descargar CSV',
  downloadJson: 'Descargar JSON',
  language: 'Idioma',
  planProblem: 'No se pudo cargar el plan. Revise el código en la dirección.',
  saved: 'Guardado',
};

const catalogs: Record<string, Catalog> = { en, es };
export const inventoryLanguageNames: Record<string, string> = { en: 'English', es: 'Español' };

/** The facilitators' screens follow the browser's language, English when there is no catalog for it. */
export function browserLanguage(): string {
  const preferred = (typeof navigator === 'undefined' ? 'en' : navigator.language).slice(0, 2);
  return catalogs[preferred] ? preferred : 'en';
}

/** A message in `lang` with its `{name}` values filled in. */
export function invMsg(lang: string, key: InventoryMessageKey, values: Record<string, string | number> = {}): string {
  const text = (catalogs[lang] ?? en)[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export const markWord = (lang: string, mark: InventoryMark | OtherMark) => invMsg(lang, `mark-${mark}`);
export const decisionWord = (lang: string, decision: InventoryDecision | null) => (decision ? invMsg(lang, `decision-${decision}`) : invMsg(lang, 'notDecided'));
