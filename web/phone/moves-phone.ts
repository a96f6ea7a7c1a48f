/** The facilitation moves' phone screens (Block Party, round robin, poll, reflection, feedback). */
import './pd-block-party.js';
import './pd-feedback-form.js';
import './pd-poll.js';
import './pd-reflection.js';
import './pd-round-robin.js';
