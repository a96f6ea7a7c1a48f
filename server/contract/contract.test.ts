import { afterEach, describe, expect, it } from 'vitest';
import { galleryReady } from '../../tests/unit/gallery-setup.js';
import { testApp } from '../../tests/unit/test-app.js';
import { decodeMessage, parseEventStream } from '../../web/shared/live/stream-reader.js';
import { participantOwnView, participantSharedView } from '../features/views.js';
import { staffView } from '../features/views.js';
import { PHONE_OWN_PART_NAMES, PHONE_SHARED_PART_NAMES, STAFF_PART_NAMES } from './parts.js';
import { INCOMPATIBLE_CLIENT, PROTOCOL_HEADER, PROTOCOL_VERSION } from './wire.js';

let t: ReturnType<typeof testApp>;
afterEach(() => t?.close());

describe('the wire contract', () => {
  it('names exactly the parts the producers make, for each role', async () => {
    const ready = await galleryReady(3);
    t = ready.t;
    const { runtime } = t.registry.get(ready.code)!;
    expect(Object.keys(staffView(runtime.state, runtime.deck)).sort()).toEqual([...STAFF_PART_NAMES].sort());
    expect(Object.keys(participantSharedView(runtime.state, runtime.deck)).sort()).toEqual([...PHONE_SHARED_PART_NAMES].sort());
    expect(Object.keys(participantOwnView(runtime.state, runtime.deck, ready.phones[0].participantId)).sort()).toEqual([...PHONE_OWN_PART_NAMES].sort());
  });

  it('lets a page of this protocol version open the stream, and one that names none', async () => {
    t = testApp();
    const { code, leadKey } = await t.startSession();
    const asks: Record<string, string>[] = [{ [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }, {}];
    for (const headers of asks) {
      const res = await t.app.request(`/api/sessions/${code}/stream`, { headers: { authorization: `Bearer ${leadKey}`, ...headers } });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const { value } = await reader.read();
      await reader.cancel();
      const [event] = parseEventStream(new TextDecoder().decode(value));
      expect(decodeMessage(event)).toMatchObject({ event: 'view', data: { v: PROTOCOL_VERSION } });
    }
  });

  it('tells a page of another protocol version so, in a 409 with a code, before anything else', async () => {
    t = testApp();
    const { code, leadKey } = await t.startSession();
    const stale = await t.call('GET', `/api/sessions/${code}/stream`, { key: leadKey, headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION + 1) } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe(INCOMPATIBLE_CLIENT);
    expect(stale.json.error.message).toMatch(/Reload the page/);
    // Even without a key: the page must learn it is out of date, not that its key is wrong.
    const noKey = await t.call('GET', `/api/sessions/${code}/stream`, { headers: { [PROTOCOL_HEADER]: '0' } });
    expect(noKey.status).toBe(409);
  });
});
