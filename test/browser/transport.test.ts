import { asyncScheduler, firstValueFrom, type Subscription } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createClient } from '../../src/client/client';
import { SILENT_LOGGER } from '../../src/logger';
import { transportFor } from '../../src/client/transport-for.browser';
import { DisconnectedError } from '../../src/errors';
import { createSimulator } from '../../src/testing/index';
import { openSocket } from '../../src/transport/open-socket.browser';
import { isSocketOpen, type TransportSignal, type WebSocketConstructor, type WebSocketLike } from '../../src/transport/types';

/** A stand-in for the page's WebSocket that records the URLs it was opened with. */
class PageSocket implements WebSocketLike {
  static urls: string[] = [];
  readyState = 0;
  binaryType = 'blob';
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(url: string) {
    PageSocket.urls.push(url);
  }
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
}

/** `ws`'s client speaks the WHATWG event-handler interface: it stands in for a browser's global WebSocket. */
const WsAsGlobal = NodeWebSocket as unknown as WebSocketConstructor;

const subscriptions: Subscription[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of subscriptions.splice(0)) s.unsubscribe();
  for (const close of closers.splice(0).reverse()) await close();
  vi.unstubAllGlobals();
  PageSocket.urls = [];
});

function signalsOf(source: ReturnType<typeof openSocket>): { signals: TransportSignal[]; error?: unknown } {
  const seen: { signals: TransportSignal[]; error?: unknown } = { signals: [] };
  subscriptions.push(source.subscribe({ next: (s) => seen.signals.push(s), error: (e: unknown) => (seen.error = e) }));
  return seen;
}

describe('openSocket in the browser build', () => {
  it('dials the global WebSocket with the token in ?access_token=', () => {
    vi.stubGlobal('WebSocket', PageSocket);
    signalsOf(openSocket({ url: 'ws://bot.example/onebot', accessToken: 's e/cret', generation: 1 }));
    expect(PageSocket.urls).toEqual(['ws://bot.example/onebot?access_token=s%20e%2Fcret']);
  });

  it('prefers options.WebSocket over the global one', () => {
    vi.stubGlobal('WebSocket', undefined);
    signalsOf(openSocket({ url: 'ws://bot.example/', generation: 1, WebSocket: PageSocket }));
    expect(PageSocket.urls).toEqual(['ws://bot.example/']);
  });

  it('fails with a DisconnectedError naming no token when there is no WebSocket at all', () => {
    vi.stubGlobal('WebSocket', undefined);
    const seen = signalsOf(openSocket({ url: 'ws://bot.example/', accessToken: 'hidden', generation: 1 }));
    expect(seen.error).toBeInstanceOf(DisconnectedError);
    expect((seen.error as Error).message).toMatch(/no WebSocket constructor/);
    expect((seen.error as Error).message).not.toContain('hidden');
  });
});

describe('transportFor in the browser build', () => {
  const logger = SILENT_LOGGER;

  it('runs a whole client over the global WebSocket, the token in the query, against the simulator', async () => {
    const sim = await createSimulator({ heartbeatInterval: 0, accessToken: 'tok en' });
    closers.push(() => sim.close());
    vi.stubGlobal('WebSocket', WsAsGlobal);
    const client = createClient({ url: sim.url, transport: transportFor({ url: sim.url, accessToken: 'tok en' }, asyncScheduler, logger) });
    closers.push(() => client.close());
    const message = firstValueFrom(client.groupMessages$);
    await sim.waitForConnection();
    await sim.chat([{ group_id: 300001, user_id: 20001, message: 'hello page' }]);
    expect((await message).raw_message).toBe('hello page');
    expect((await firstValueFrom(client.api.get_login_info())).user_id).toBe(sim.selfId);
  });

  it('opens both sockets of split endpoints', () => {
    const open = transportFor({ url: { api: 'ws://h/api', event: 'ws://h/event' }, WebSocket: PageSocket }, asyncScheduler, logger);
    subscriptions.push(open(1, () => undefined).subscribe({ error: () => undefined }));
    expect(PageSocket.urls.sort()).toEqual(['ws://h/api', 'ws://h/event']);
  });

  it('speaks the HTTP API over fetch for an http url (a session opens at once, nothing is sent yet)', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const open = transportFor({ url: 'http://127.0.0.1:9/' }, asyncScheduler, logger);
    const first = await firstValueFrom(open(1, () => undefined));
    expect(isSocketOpen(first)).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects a webhook, which needs a server the page cannot run', () => {
    expect(() => transportFor({ url: 'http://127.0.0.1:9', webhook: { port: 0 } }, asyncScheduler, logger)).toThrow(TypeError);
  });

  it('rejects a socket url when the page has no WebSocket and none is given', () => {
    vi.stubGlobal('WebSocket', undefined);
    expect(() => transportFor({ url: 'ws://127.0.0.1:9' }, asyncScheduler, logger)).toThrow(/no global WebSocket/);
  });
});
