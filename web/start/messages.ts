/**
 * Every string the start page shows, in one catalog per language (add a language by
 * adding an object with the same keys). `{name}` marks a value filled in at run time.
 * The page follows the browser's language.
 */
const en = {
  appName: 'Partnerdeck',
  intro: 'Run a school–family partnership workshop: present the deck, let the room answer on their phones, and leave with a one-page Partnership Agreement.',
  needOperatorTitle: 'Open this page with the operator link',
  needOperatorBody:
    'Only the person who runs this server starts and manages sessions. Open the start page with the link that the terminal printed when the server started: it is the "Start page (operator)" line, and its address ends with #operator=…',
  wrongOperatorBody: 'This operator link is not (or no longer) valid for this server. Open the start page link printed in the terminal the last time the server started.',
  newSession: 'Start a session',
  deckLabel: 'Workshop deck',
  deckOption: '{title} ({slides} slides, {minutes} min)',
  schoolLabel: 'School name',
  schoolPlaceholder: 'e.g. Lincoln Elementary',
  startButton: 'Start a session',
  starting: 'Starting…',
  sessionsTitle: 'Sessions on this server',
  noSessions: 'No sessions yet.',
  sessionLabel: 'Session {code}',
  untitledSession: 'Session',
  startedOn: 'Started {when}',
  participants: '{n} joined',
  notStartedHere: 'Not started with this operator link (an older version, or another operator).',
  presenterTerm: 'Presenter (lead facilitator, on the projector)',
  openPresenter: 'Open the presenter',
  notesTerm: 'Notes view (support facilitator)',
  openNotes: 'Open the notes view',
  remoteTerm: 'Remote (lead, on a phone)',
  openRemote: 'Open the remote',
  prepareTerm: 'Before the workshop',
  openPrepare: 'Prepare the workshop',
  joinTerm: 'Participants join at',
  setAsideTitle: 'Set aside: this session could not be loaded when the server started.',
  problemEventUnreadable: 'Event {seq} of its log cannot be read: the stored data is damaged.',
  problemEventRejected: 'Event {seq} of its log could not be replayed.',
  problemEventMissing: 'Event {seq} is missing from its log.',
  problemFileUnreadable: 'The part of the database file that holds its log is damaged.',
  problemDeckMissing: 'Its deck "{deck}" is no longer in the slides folder.',
  technicalDetail: 'Technical detail',
  setAsideAdvice: 'Its data is left as it is in the data folder. Restore the folder from a backup to recover it, or delete the session.',
  deleteSession: 'Delete this session and all its data',
  deleteConfirm: 'Delete session {code} with all its cards, votes and feedback? Export first if you need the records.',
  errorStart: 'The session could not be started.',
  errorDelete: 'The session could not be deleted.',
  errorList: 'The list of sessions could not be loaded.',
};

export type MessageKey = keyof typeof en;
type Catalog = Record<MessageKey, string>;

const es: Catalog = {
  appName: 'Partnerdeck',
  intro: 'Dirija un taller de colaboración entre la escuela y las familias: presente las diapositivas, deje que el grupo responda en sus teléfonos y termine con un Acuerdo de Colaboración de una página.',
  needOperatorTitle: 'Abra esta página con el enlace del operador',
  needOperatorBody:
    'Solo la persona que ejecuta este servidor inicia y administra las sesiones. Abra la página de inicio con el enlace que la terminal mostró al iniciar el servidor: es la línea "Start page (operator)", y su dirección termina en #operator=…',
  wrongOperatorBody: 'Este enlace de operador no es válido (o ya no lo es) para este servidor. Abra el enlace de la página de inicio que la terminal mostró la última vez que se inició el servidor.',
  newSession: 'Iniciar una sesión',
  deckLabel: 'Presentación del taller',
  deckOption: '{title} ({slides} diapositivas, {minutes} min)',
  schoolLabel: 'Nombre de la escuela',
  schoolPlaceholder: 'p. ej., Escuela Primaria Lincoln',
  startButton: 'Iniciar una sesión',
  starting: 'Iniciando…',
  sessionsTitle: 'Sesiones en este servidor',
  noSessions: 'Todavía no hay sesiones.',
  sessionLabel: 'Sesión {code}',
  untitledSession: 'Sesión',
  startedOn: 'Iniciada el {when}',
  participants: '{n} conectados',
  notStartedHere: 'No se inició con este enlace de operador (una versión anterior u otro operador).',
  presenterTerm: 'Presentación (facilitador principal, en el proyector)',
  openPresenter: 'Abrir la presentación',
  notesTerm: 'Vista de notas (facilitador de apoyo)',
  openNotes: 'Abrir la vista de notas',
  remoteTerm: 'Control remoto (quien dirige, en el teléfono)',
  openRemote: 'Abrir el control remoto',
  prepareTerm: 'Antes del taller',
  openPrepare: 'Preparar el taller',
  joinTerm: 'Los participantes se unen en',
  setAsideTitle: 'Apartada: esta sesión no se pudo cargar cuando se inició el servidor.',
  problemEventUnreadable: 'El evento {seq} de su registro no se puede leer: los datos guardados están dañados.',
  problemEventRejected: 'El evento {seq} de su registro no se pudo reproducir.',
  problemEventMissing: 'Falta el evento {seq} en su registro.',
  problemFileUnreadable: 'La parte del archivo de la base de datos que guarda su registro está dañada.',
  problemDeckMissing: 'Su presentación "{deck}" ya no está en la carpeta de diapositivas.',
  technicalDetail: 'Detalle técnico',
  setAsideAdvice: 'Sus datos quedan tal como están en la carpeta de datos. Restaure la carpeta desde una copia de seguridad para recuperarla, o elimine la sesión.',
  deleteSession: 'Eliminar esta sesión y todos sus datos',
  deleteConfirm: '¿Eliminar la sesión {code} con todas sus tarjetas, votos y opiniones? Exporte primero si necesita los registros.',
  errorStart: 'No se pudo iniciar la sesión.',
  errorDelete: 'No se pudo eliminar la sesión.',
  errorList: 'No se pudo cargar la lista de sesiones.',
};

const catalogs: Record<string, Catalog> = { en, es };

/** The first of the browser's languages this page speaks, else English. */
function pickLanguage(): string {
  const preferred = typeof navigator === 'undefined' ? ['en'] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.map((tag) => tag.slice(0, 2).toLowerCase()).find((tag) => catalogs[tag]) ?? 'en';
}

export const language = pickLanguage();

/** Looks up a message in the page's language and fills in `{name}` values. */
export function msg(key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = catalogs[language][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
