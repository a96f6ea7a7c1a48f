import { usePalette } from '../shared/palette.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import { planApi } from './plan-api.js';
import './pd-partnership-plan-page.js';

// The plan page reads with the code alone; a facilitator's browser (which kept its key
// from the notes or presenter link, or gets it in this link's fragment) may edit.
usePalette();
const code = codeFromPath();
const key = takeStaffKey(code);
const page = document.createElement('pd-partnership-plan-page');
page.code = code;
page.api = planApi(code, key);
page.editable = key !== null;
document.body.append(page);
