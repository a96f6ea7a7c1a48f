import type { Reducers } from '../../domain/reducer.js';

export const timerReducers: Reducers = {
  'timer.started': ({ timers }, { slide, durationMs, label }, { at }) => {
    timers.set(slide, { slide, label, durationMs, running: true, endsAt: at + durationMs, remainingMs: durationMs, ended: false });
  },
  'timer.paused': ({ timers }, { slide }, { at }) => {
    const timer = timers.get(slide);
    if (!timer?.running || timer.endsAt === null) return;
    timer.remainingMs = Math.max(0, timer.endsAt - at);
    timer.endsAt = null;
    timer.running = false;
  },
  'timer.resumed': ({ timers }, { slide }, { at }) => {
    const timer = timers.get(slide);
    if (!timer || timer.running || timer.ended) return;
    timer.endsAt = at + timer.remainingMs;
    timer.running = true;
  },
  'timer.extended': ({ timers }, { slide, ms }, { at }) => {
    const timer = timers.get(slide);
    if (!timer || timer.ended) return;
    timer.durationMs += ms;
    // A timer that already ran out gets its extra time from now, not from when it hit zero.
    if (timer.running && timer.endsAt !== null) timer.endsAt = Math.max(timer.endsAt, at) + ms;
    else timer.remainingMs += ms;
  },
  'timer.ended': ({ timers }, { slide }) => {
    const timer = timers.get(slide);
    if (!timer) return;
    Object.assign(timer, { running: false, endsAt: null, remainingMs: 0, ended: true });
  },
};
