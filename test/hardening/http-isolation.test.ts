import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, type DisconnectedError, createClient, isDecodeError, isDisconnectedError } from '../../src/index';
import { sampleGroupMessage } from '../fixtures/events';
import { closedPortUrl } from '../transport/loopback';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A raw `node:http` HTTP API on loopback: `routes` by action path, anything else `ok` with `data: {}`. */
async function rawHttpApi(routes: Record<string, Route>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const action = (req.url ?? '/').slice(1);
      const route = Object.hasOwn(routes, action) ? routes[action] : undefined;
      if (route !== undefined) route(req, res, body);
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', retcode: 0, data: {} }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** POSTs an event to the webhook; resolves with the HTTP status (rejects on ECONNREFUSED). */
function postEvent(port: number, event: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(event));
  });
}

const ok = (res: ServerResponse, data: unknown) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', retcode: 0, data }));

function client(url: string, extra: object = {}): Client {
  const c = createClient({ url, actionTimeout: 10_000, reconnect: { initialDelay: 60_000, maxDelay: 60_000, jitter: 0 }, ...extra });
  cleanups.push(() => c.close());
  return c;
}

describe('HTTP API: one failed request fails that call only (raw node:http server)', () => {
  it('keeps the healthy calls in flight, the webhook listener and the state; no backoff', async () => {
    const held: ServerResponse[] = [];
    let heldAll: () => void = () => undefined;
    const allHeld = new Promise<void>((resolve) => (heldAll = resolve));
    const { url } = await rawHttpApi({
      slow: (_req, res) => {
        held.push(res);
        if (held.length === 5) heldAll();
      },
      // The connection of this one request drops without an answer.
      boom: (req) => req.socket.destroy(),
    });
    const port = await freePort();
    const bot = client(url, { webhook: { port, host: '127.0.0.1' } });
    const states: string[] = [];
    bot.state$.subscribe((s) => states.push(s.status));
    const slow = Array.from({ length: 5 }, () => firstValueFrom(bot.callApi('slow', {})));
    await allHeld;
    const failed = await firstValueFrom(bot.callApi('boom', {})).catch((e: unknown) => e);
    expect(isDisconnectedError(failed)).toBe(true);
    expect([(failed as DisconnectedError).sent, (failed as DisconnectedError).message]).toEqual([
      true,
      expect.stringContaining('boom failed on the network'),
    ]);
    // The webhook still listens: an event POSTed now is delivered.
    const delivered = firstValueFrom(bot.groupMessages$);
    expect(await postEvent(port, sampleGroupMessage())).toBe(204);
    expect((await delivered).group_id).toBe(sampleGroupMessage().group_id);
    // The five calls in flight complete, and a new call goes straight out (no backoff to wait out).
    held.forEach((res, i) => ok(res, { n: i }));
    expect(await Promise.all(slow)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
    expect(await firstValueFrom(bot.callApi('healthy', {}))).toEqual({});
    expect(states).toEqual(['idle', 'connecting', 'open']);
  });

  it('fails a call whose answer is cut off mid-body, and only that one', async () => {
    const { url } = await rawHttpApi({
      cut: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"status":"ok","retcode":0,"data":{"partial":');
        res.socket?.destroy();
      },
    });
    const bot = client(url);
    const failed = await firstValueFrom(bot.callApi('cut', {})).catch((e: unknown) => e);
    expect([isDisconnectedError(failed), (failed as DisconnectedError).sent]).toEqual([true, true]);
    expect(await firstValueFrom(bot.callApi('healthy', {}))).toEqual({});
    expect((await firstValueFrom(bot.state$)).status).toBe('open');
  });

  it('backs off only when the server cannot be reached at all (connection refused)', async () => {
    const bot = client(await closedPortUrl().then((u) => u.replace('ws://', 'http://')), {
      reconnect: { initialDelay: 1, maxDelay: 1, jitter: 0, maxAttempts: 1 },
    });
    const reconnecting = firstValueFrom(bot.state$.pipe(filter((s) => s.status === 'reconnecting')));
    const failed = await firstValueFrom(bot.callApi('healthy', {})).catch((e: unknown) => e);
    expect([isDisconnectedError(failed), (failed as DisconnectedError).sent]).toEqual([true, true]);
    expect((await reconnecting).status).toBe('reconnecting');
  });
});

describe('HTTP API: the webhook listener lives as long as the client, not as long as an HTTP API session', () => {
  it('takes events while the HTTP API is down and the session backs off, and closes with the client', async () => {
    // A raw HTTP API that is down: nothing listens on its port.
    const url = (await closedPortUrl()).replace('ws://', 'http://');
    const port = await freePort();
    const bot = createClient({ url, webhook: { port, host: '127.0.0.1' }, reconnect: { initialDelay: 60_000, maxDelay: 60_000, jitter: 0 } });
    const events: number[] = [];
    const twoEvents = firstValueFrom(bot.events$.pipe(take(2), toArray())); // holds the connection
    bot.events$.subscribe((e) => events.push((e as { message_id: number }).message_id));
    const first = { ...sampleGroupMessage(), message_id: 1 };
    expect(await postEvent(port, first)).toBe(204); // listening
    const reconnecting = firstValueFrom(bot.state$.pipe(filter((s) => s.status === 'reconnecting')));
    const failed = await firstValueFrom(bot.callApi('get_status', {})).catch((e: unknown) => e);
    expect(isDisconnectedError(failed)).toBe(true);
    expect((await reconnecting).error).toBeDefined(); // the session ended: a 60 s backoff runs now
    // During the gap the webhook still answers, and the event reaches events$.
    expect(await postEvent(port, { ...sampleGroupMessage(), message_id: 2 })).toBe(204);
    expect((await twoEvents).map((e) => (e as { message_id: number }).message_id)).toEqual([1, 2]);
    expect(events).toEqual([1, 2]);
    await bot.close();
    // Closing the client closes the listener.
    expect(await postEvent(port, first).catch((e: { code?: string }) => e.code)).toBe('ECONNREFUSED');
  });
});

describe('HTTP API: a 200 with an empty body and one with null get the same treatment', () => {
  it.each([
    ['an empty body', ''],
    ['null', 'null'],
    ['null with whitespace', ' null\n'],
  ])('%s is an ok reply with data null', async (_name, body) => {
    const { url } = await rawHttpApi({
      nothing: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
    });
    const bot = client(url);
    const reports: unknown[] = [];
    bot.errors$.subscribe((e) => reports.push(e));
    // Uncatalogued: the value is the data. Catalogued: data null fails the result codec, reported on errors$.
    expect(await firstValueFrom(bot.callApi('nothing', {}))).toBeNull();
    expect(await firstValueFrom(bot.callApi('healthy', {}))).toEqual({});
    expect(reports).toEqual([]);
  });

  it('fails a catalogued call with data null only under strictResults, like any reply whose data fails its codec', async () => {
    for (const body of ['', 'null']) {
      const { url } = await rawHttpApi({ get_login_info: (_req, res) => res.writeHead(200).end(body) });
      const lenient = client(url);
      const reported = firstValueFrom(lenient.errors$);
      expect(await firstValueFrom(lenient.getLoginInfo())).toBeNull();
      expect(isDecodeError(await reported)).toBe(true);
      const strict = client(url, { strictResults: true });
      expect(isDecodeError(await firstValueFrom(strict.getLoginInfo()).catch((e: unknown) => e))).toBe(true);
    }
  });
});
