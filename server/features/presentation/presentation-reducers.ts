import type { Reducers } from '../../domain/reducer.js';

export const presentationReducers: Reducers = {
  // A session starts on its first slide.
  'session.started': (state, _data, { at }) => {
    state.slideHistory.push({ slide: 1, at });
  },
  'slide.shown': (state, { slide }, { at }) => {
    state.slide = slide;
    state.slideHistory.push({ slide, at });
    // The first move past the title slide starts the workshop, if the lead has not already.
    if (state.workshopStartedAt === null && slide > 1) state.workshopStartedAt = at;
  },
  'workshop.clock-started': (state, _data, { at }) => {
    state.workshopStartedAt = at;
  },
  'control.passed': (state, { holder }) => {
    state.control = holder;
  },
  'banner.set': (state, { visible }) => {
    state.bannerVisible = visible;
  },
  'activity.closed': (state, { slide }) => {
    state.closedSlides.add(slide);
  },
  'activity.reopened': (state, { slide }) => {
    state.closedSlides.delete(slide);
  },
};
