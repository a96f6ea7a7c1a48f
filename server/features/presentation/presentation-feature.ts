import { defineFeature } from '../feature.js';
import { activitiesRoutes } from './activities-routes.js';
import { presentationReducers } from './presentation-reducers.js';
import { presentationRoutes } from './presentation-routes.js';
import { emptyPresentation } from './presentation-state.js';
import { phoneSessionPart, phoneSlidePart, staffSessionPart } from './presentation-views.js';

/** The slides: which one is shown, who moves them, the join banner, and closing an activity. */
export const presentation = defineFeature({
  name: 'presentation',
  emptyState: emptyPresentation,
  reducers: presentationReducers,
  staffProducers: [{ changesWith: ['session.', 'slide.', 'control.', 'banner.', 'activity.'], produce: staffSessionPart }],
  phoneSharedProducers: [
    // Preparation may rename the school.
    { changesWith: ['session.', 'preparation.'], produce: phoneSessionPart },
    { changesWith: ['slide.', 'activity.'], produce: phoneSlidePart },
  ],
  routes: [
    { path: 'presentation', routes: presentationRoutes },
    { path: 'activities', routes: activitiesRoutes },
  ],
});
