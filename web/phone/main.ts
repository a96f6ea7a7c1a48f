import { usePalette } from '../shared/palette.js';
import './pd-phone-app.js';

usePalette();

// The offline shell (web/offline/service-worker.js): a reload without Wi-Fi shows the app
// with its offline state and unsent cards. Browsers run service workers only on https
// or localhost; elsewhere the phone works as before, without it.
if ('serviceWorker' in navigator && window.isSecureContext) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {}));
}
