import './pd-phone-app.js';
