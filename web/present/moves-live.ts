/** The facilitation moves' live elements, shared by the deck and the notes view. */
import './pd-block-party-live.js';
import './pd-feedback-live.js';
import './pd-poll-live.js';
import './pd-reflections-live.js';
import './pd-round-robin-live.js';
import './pd-slide-timer.js';
