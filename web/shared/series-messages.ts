/**
 * Words of the series screens (issue 15): the carry-over on the deck, the co-facilitators'
 * and the coach's panels on the notes view, and the district coordinator's page. English
 * and Spanish; the screen's language follows the browser's. `{name}` marks a value.
 */
const en = {
  sinceLastTime: 'Since last time: session {number}',
  groupAgreements: 'Our group agreements',
  groupIdeas: 'Ideas from the small groups',
  feedbackSummary: 'What you told us ({count} responses)',
  sharedReflections: 'Reflections you chose to share',
  youAskedWeAnswered: 'You asked, leadership answered',
  awaitingAnswer: 'Awaiting an answer',
  nothingCarried: 'This is the first session of the series: nothing carried over yet.',
  attendanceCarried: '{people} people came; {returning} of them came back',
  sessionOf: 'Session {number} of {sessions}',
  coFacilitators: 'Co-facilitators',
  attendance: 'Attendance',
  attendanceCounts: '{recorded} with a returning code · {returning} returning',
  report: 'Feedback-loop report',
  reportPdf: 'Report (PDF, {language})',
  questionsForLeadership: 'Questions for leadership',
  noQuestions: 'No questions yet.',
  answerLabel: 'Leadership’s answer',
  teamLabel: 'Answered by',
  saveAnswer: 'Save answer',
  answered: 'Answered by {team}: {text}',
  fidelity: 'Fidelity checklist',
  fidelityScore: 'Fidelity score: {score}% ({marked} of {total} marked)',
  fidelityNotMarked: 'Not marked yet ({total} items)',
  observed: 'Observed',
  partly: 'Partly',
  notObserved: 'Not observed',
  comment: 'Comment',
  saveMark: 'Save',
  slideSteps: 'Slide {slide}: facilitator steps',
  activityRun: 'Slide {slide}: activity run as planned',
  deckItem: 'From the deck',
  steps: 'The notes’ {count} steps',
  coachingNotes: 'Coaching notes for the co-facilitators',
  newNote: 'New coaching note',
  addNote: 'Add note',
  noNotes: 'No coaching notes yet.',
  coachFollows: 'You follow this session as its coach: read-only, with the fidelity checklist.',
  district: 'District view',
  districtExport: 'Download every record (zip of JSON and CSV)',
  school: 'School',
  series: 'Series',
  session: 'Session',
  model: 'Model',
  singleBuilding: 'Single building',
  districtWide: 'District-wide',
  done: 'Done',
  planned: 'Planned',
  people: 'People',
  returning: 'Returning',
  feedback: 'Feedback (mean)',
  fidelityShort: 'Fidelity',
  voice: 'Equity of voice',
  voiceShare: '{group}: {people}% of people, {written}% of ideas',
  questions: 'Questions answered',
  noPrograms: 'No school has started a series yet.',
  noDistrictKey: 'This district link has no key. Ask the server’s operator for the district coordinator’s link.',
  plannedFor: 'planned {date}',
};

type Catalog = Record<keyof typeof en, string>;

const es: Catalog = {
  sinceLastTime: 'Desde la última vez: sesión {number}',
  groupAgreements: 'Nuestros acuerdos de grupo',
  groupIdeas: 'Ideas de los grupos pequeños',
  feedbackSummary: 'Lo que nos dijeron ({count} respuestas)',
  sharedReflections: 'Reflexiones que decidieron compartir',
  youAskedWeAnswered: 'Ustedes preguntaron, el equipo de liderazgo respondió',
  awaitingAnswer: 'En espera de respuesta',
  nothingCarried: 'Esta es la primera sesión de la serie: todavía no hay nada de antes.',
  attendanceCarried: 'Vinieron {people} personas; {returning} de ellas regresaron',
  sessionOf: 'Sesión {number} de {sessions}',
  coFacilitators: 'Cofacilitadores',
  attendance: 'Asistencia',
  attendanceCounts: '{recorded} con código de regreso · {returning} regresan',
  report: 'Informe para el equipo de liderazgo',
  reportPdf: 'Informe (PDF, {language})',
  questionsForLeadership: 'Preguntas para el equipo de liderazgo',
  noQuestions: 'Todavía no hay preguntas.',
  answerLabel: 'Respuesta del equipo de liderazgo',
  teamLabel: 'Respondió',
  saveAnswer: 'Guardar respuesta',
  answered: 'Respondió {team}: {text}',
  fidelity: 'Lista de fidelidad',
  fidelityScore: 'Fidelidad: {score} % ({marked} de {total} marcados)',
  fidelityNotMarked: 'Todavía sin marcar ({total} puntos)',
  observed: 'Observado',
  partly: 'En parte',
  notObserved: 'No observado',
  comment: 'Comentario',
  saveMark: 'Guardar',
  slideSteps: 'Diapositiva {slide}: pasos del facilitador',
  activityRun: 'Diapositiva {slide}: actividad realizada como se planeó',
  deckItem: 'De la presentación',
  steps: 'Los {count} pasos de las notas',
  coachingNotes: 'Notas de acompañamiento para los cofacilitadores',
  newNote: 'Nueva nota de acompañamiento',
  addNote: 'Agregar nota',
  noNotes: 'Todavía no hay notas de acompañamiento.',
  coachFollows: 'Usted sigue esta sesión como coach: solo lectura, con la lista de fidelidad.',
  district: 'Vista del distrito',
  districtExport: 'Descargar todos los registros (zip con JSON y CSV)',
  school: 'Escuela',
  series: 'Serie',
  session: 'Sesión',
  model: 'Modelo',
  singleBuilding: 'Una sola escuela',
  districtWide: 'Todo el distrito',
  done: 'Hecha',
  planned: 'Planeada',
  people: 'Personas',
  returning: 'Regresan',
  feedback: 'Opiniones (promedio)',
  fidelityShort: 'Fidelidad',
  voice: 'Equidad de voz',
  voiceShare: '{group}: {people} % de las personas, {written} % de las ideas',
  questions: 'Preguntas respondidas',
  noPrograms: 'Ninguna escuela ha comenzado una serie todavía.',
  noDistrictKey: 'Este enlace del distrito no tiene clave. Pida al operador del servidor el enlace del coordinador del distrito.',
  plannedFor: 'planeada para el {date}',
};

const catalogs: Record<string, Catalog> = { en, es };

/** The screen's language: the browser's, when the catalog has it. */
export function seriesLanguage(): string {
  const preferred = (typeof navigator === 'undefined' ? 'en' : navigator.language).slice(0, 2);
  return catalogs[preferred] ? preferred : 'en';
}

export function seriesMsg(key: keyof typeof en, values: Record<string, string | number> = {}): string {
  return catalogs[seriesLanguage()][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** A series text (a map of languages) in the screen's language, else its first. */
export function seriesText(text: Record<string, string> | null | undefined): string {
  if (!text) return '';
  return text[seriesLanguage()] ?? Object.values(text)[0] ?? '';
}

/** Stakeholder groups' names on these screens. */
export function groupName(group: string): string {
  const names: Record<string, Record<string, string>> = {
    en: {
      parent: 'Parents and families',
      teacher: 'Teachers',
      classified: 'Classified staff',
      administrator: 'Administrators',
      community: 'Community partners',
      student: 'Students',
    },
    es: {
      parent: 'Padres y familias',
      teacher: 'Maestros',
      classified: 'Personal clasificado',
      administrator: 'Administradores',
      community: 'Socios de la comunidad',
      student: 'Estudiantes',
    },
  };
  return names[seriesLanguage()][group] ?? group;
}
