import { ContextProvider } from '@lit/context';
import { apiClient } from '../shared/live/api-client.js';
import { usePalette } from '../shared/palette.js';
import { publicSessionContext } from '../shared/session-context.js';
import './pd-plan-page.js';

// The Leadership Action Plan holds the team's decisions, no one's marks: like the
// agreement, it needs only the join code.
usePalette();
const code = (location.pathname.match(/^\/plan\/([A-Za-z0-9]{6})/)?.[1] ?? '').toUpperCase();
new ContextProvider(document.body, { context: publicSessionContext, initialValue: { code, api: apiClient().api.sessions[':code'] } });
document.body.append(document.createElement('pd-plan-page'));
