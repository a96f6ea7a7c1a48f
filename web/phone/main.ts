import { usePalette } from '../shared/palette.js';
import './pd-phone-app.js';

usePalette();
