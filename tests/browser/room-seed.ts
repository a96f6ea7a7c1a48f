/**
 * A Module 1 room of `people` brought through the real HTTP API, fast, for the projector's
 * room-size test and its screenshots: everyone joins, answers the word cloud, writes every
 * card, lines up for groups whose recorders note their ideas, votes in the poll, places
 * all 18 stickers, reflects (most share) and gives feedback. The texts are as long as
 * people write them on a phone, some of them long, so the layout meets real statements.
 */
export interface Room {
  code: string;
  leadKey: string;
  supportKey: string;
  links: { present: string; notes: string; join: string };
  tokens: string[];
}

const GROUPS = ['parent', 'teacher', 'classified', 'administrator', 'community', 'student', 'parent', 'parent'] as const;
const NAMES = ['Ana', 'Ben', 'Cruz', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo', 'Kai', 'Lu', 'Mo', 'Ned', 'Oli', 'Pia', 'Quin', 'Rae', 'Sol', 'Tess'];
const WHO = ['Parents', 'Teachers', 'Grandparents', 'Coaches', 'Neighbours', 'Bus drivers', 'Counsellors', 'Librarians', 'Students', 'Cafeteria staff', 'Principal', 'Volunteers'];
const PHRASES = [
  'Listen to understand before we answer',
  'Every voice is welcome, and we make room for the quiet ones',
  'Assume positive intent in every conversation between families and staff',
  'Keep students at the centre of every decision we make together',
  'Start and end on time',
  'Speak respectfully, even when we disagree, and follow up in person rather than by email when it matters',
  'Share what we know in plain words and in the languages our families read',
  'Return every call within two school days',
  'Celebrate small wins together',
  'Partnership means families and teachers plan the next step for each student side by side, with the student in the room whenever possible',
];

function text(i: number, salt: string): string {
  return `${PHRASES[i % PHRASES.length]} (${salt} ${i + 1})`;
}

export async function seedRoom(baseUrl: string, operatorKey: string, people: number): Promise<Room> {
  let n = 0;
  const call = async (method: string, path: string, key: string | null, body?: unknown): Promise<any> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        'idempotency-key': `seed-${Date.now().toString(36)}-${n++}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const session = await call('POST', '/api/sessions', operatorKey, { schoolName: 'Lincoln Elementary' });
  const { code, leadKey, supportKey, links } = session;
  const api = `/api/sessions/${code}`;
  const show = (slide: number) => call('PUT', `${api}/presentation/slide`, leadKey, { slide });
  // Sixteen people at a time: the server lets one address have at most 32 requests arriving at once.
  const all = async <T>(work: (token: string, i: number) => Promise<T>) => {
    const results: T[] = [];
    for (let from = 0; from < tokens.length; from += 16) results.push(...(await Promise.all(tokens.slice(from, from + 16).map((t, k) => work(t, from + k)))));
    return results;
  };

  const tokens: string[] = [];
  for (let i = 0; i < people; i++) {
    const name = `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}`;
    tokens.push((await call('POST', `${api}/participants`, null, { name, group: GROUPS[i % GROUPS.length] })).token);
  }
  await show(4);
  await all((t, i) => call('POST', `${api}/answers`, t, { slide: 4, text: WHO[(i * 7) % WHO.length] }));
  await show(11);
  await all((t, i) => call('POST', `${api}/cards`, t, { slide: 11, text: text(i, 'agreement') }));
  await show(12);
  await all((t, i) => call('POST', `${api}/cards`, t, { slide: 12, front: text(i + 3, 'definition'), back: text(i + 5, 'example') }));
  await show(13);
  await call('POST', `${api}/block-party/13/rounds`, leadKey, {});
  await call('POST', `${api}/lineup/slides/13/open`, leadKey);
  await all((t, i) => call('POST', `${api}/lineup/answers`, t, { month: (i % 12) + 1, day: (i % 28) + 1 }));
  await call('POST', `${api}/lineup/slides/13/groups`, leadKey);
  await show(14);
  await call('POST', `${api}/round-robin/14/start`, leadKey);
  // The first member of each group is its recorder; they note the group's ideas.
  const recorders = new Set<number>();
  await all(async (t, i) => {
    const result = await call('PUT', `${api}/round-robin/14/notes`, t, { text: `${text(i, 'our group')}\n${text(i + 1, 'and also')}` }).catch(() => null);
    if (result) recorders.add(i);
  });
  await show(18);
  await call('PUT', `${api}/activities/18`, leadKey, { open: true });
  await all((t, i) => call('PUT', `${api}/polls/18/vote`, t, { choices: i % 3 === 0 ? ['respect', 'agreeing'] : ['respect', 'integrity'] }));
  await show(22);
  await all((t, i) => call('PUT', `${api}/revise/22/example`, t, { text: text(i + 7, 'second example') }));
  await show(23);
  const view = await call('GET', `${api}/exports/session.json`, leadKey);
  const walls = ['agreements', 'definitions', 'examples'].map((wall) => (view.cards as { id: string; wall: string; withdrawn: boolean }[]).filter((c) => c.wall === wall && !c.withdrawn).map((c) => c.id));
  // Each person spreads their six stickers over the first cards of a wall, so the tallies
  // have a clear top, ties further down and cards with none.
  await all(async (t, i) => {
    for (const cards of walls) {
      const reach = Math.min(cards.length, 6 + (i % 10));
      for (let k = 0; k < Math.min(6, reach); k++) await call('POST', `${api}/stickers`, t, { cardId: cards[(i + k) % reach] });
    }
  });
  await show(24);
  await call('POST', `${api}/agreement/assemble`, leadKey);
  await show(26);
  await all((t, i) => call('PUT', `${api}/reflections/26/mine`, t, { text: text(i + 2, 'today we'), shared: i % 4 !== 3 }));
  // The facilitator lets every shared one onto the projector.
  await call('POST', `${api}/reflections/26/approve-all`, leadKey);
  await show(28);
  await all((t, i) =>
    call('PUT', `${api}/feedback/28/mine`, t, { ratings: { 'objectives-clear': 1 + (i % 5), voice: 5 - (i % 3) }, comments: i % 2 ? { 'worked-well': text(i, 'it worked') } : {} }),
  );
  return { code, leadKey, supportKey, links, tokens };
}
