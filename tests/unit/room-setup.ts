import { afterEach, vi } from 'vitest';
import { testApp } from './test-app.js';

type App = ReturnType<typeof testApp>;

/**
 * Module 1 sessions for the facilitation features' tests, through the real API: `room(n)`
 * has n people joined (alternately teacher and parent); `grouped(n)` has them lined up by
 * birthday on slide 13 and counted off into groups. After each test every app made is
 * closed and real timers are back.
 */
export function roomSetup() {
  const apps: App[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const app of apps.splice(0)) app.close();
  });

  async function room(people: number) {
    const t = testApp();
    apps.push(t);
    const s = await t.startSession();
    const tokens: { participantId: string; token: string }[] = [];
    for (let i = 0; i < people; i++) tokens.push(await t.joinAs(s.code, `P${i}`, i % 2 ? 'parent' : 'teacher'));
    return { t, s, tokens, base: `/api/sessions/${s.code}`, live: () => t.registry.get(s.code)! };
  }

  async function grouped(people: number) {
    const r = await room(people);
    const { t, s, tokens, base } = r;
    await t.showSlide(s.code, s.leadKey, 13);
    await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey });
    for (const [i, p] of tokens.entries()) await t.call('POST', `${base}/lineup/answers`, { key: p.token, body: { month: 1 + i, day: 1 } });
    await t.call('POST', `${base}/lineup/slides/13/groups`, { key: s.leadKey });
    return r;
  }

  return {
    room,
    grouped,
    /** Keeps an app made otherwise (a restart) to close it with the rest. */
    keep(app: App) {
      apps.push(app);
    },
  };
}
