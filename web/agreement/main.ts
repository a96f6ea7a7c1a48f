import './pd-agreement-page.js';
