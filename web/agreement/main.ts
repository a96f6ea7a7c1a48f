import { ContextProvider } from '@lit/context';
import { apiClient } from '../shared/live/api-client.js';
import { usePalette } from '../shared/palette.js';
import { publicSessionContext } from '../shared/session-context.js';
import './pd-agreement-page.js';

// The printable agreement needs only the join code: its session's public routes, provided
// on the body (@lit/context) before the page element is added.
usePalette();
const code = (location.pathname.match(/^\/agreement\/([A-Za-z0-9]{6})/)?.[1] ?? '').toUpperCase();
new ContextProvider(document.body, { context: publicSessionContext, initialValue: { code, api: apiClient().api.sessions[':code'] } });
document.body.append(document.createElement('pd-agreement-page'));
