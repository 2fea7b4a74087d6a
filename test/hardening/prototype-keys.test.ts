import { once } from 'node:events';
import { request } from 'node:http';
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Client, createClient, createServer, cq, isActionFailedError } from '../../src/index';
import { adaptCall, supportOf } from '../../src/action/backend';
import { sendTarget } from '../../src/action/throttle-calls';
import { eventCodecFor } from '../../src/codec/event/dispatch';
import { predicateOf } from '../../src/event/query';
import { createSimulator } from '../../src/testing/index';
import { sampleGroupMessage } from '../fixtures/events';
import { type Loopback, startLoopback } from '../transport/loopback';

/** Keys every plain object inherits: a lookup by input in a `{}` table finds them unless it checks own keys. */
const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** The HTTP status a raw `ws` client gets on the upgrade with these headers (101 when it opened). */
async function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(url, { headers });
  const [outcome] = await Promise.race([
    once(socket, 'open').then(() => ['open'] as const),
    once(socket, 'unexpected-response').then(([, res]) => [(res as { statusCode: number }).statusCode] as const),
  ]);
  socket.terminate();
  return outcome === 'open' ? 101 : outcome;
}

describe('reverse WS: X-Client-Role is looked up by own keys only', () => {
  it.each([...PROTO_KEYS, 'Observer', ''])('refuses the role %j with 400', async (role) => {
    const server = createServer({ port: 0, path: '/onebot' });
    cleanups.push(() => server.close());
    await server.ready;
    const url = `ws://127.0.0.1:${server.port}/onebot`;
    expect(await upgradeStatus(url, { 'X-Self-ID': '10001', 'X-Client-Role': role })).toBe(400);
  });

  it('still accepts the three roles in any case', async () => {
    const server = createServer({ port: 0, path: '/onebot' });
    cleanups.push(() => server.close());
    await server.ready;
    const url = `ws://127.0.0.1:${server.port}/onebot`;
    for (const role of ['Universal', 'api', 'EVENT']) expect(await upgradeStatus(url, { 'X-Self-ID': '10001', 'X-Client-Role': role })).toBe(101);
  });
});

/** A raw `ws` server answering every action with `ok` and data `{ echoed: <action> }`, and the client on it. */
async function echoingServer(options: Parameters<typeof createClient>[0] | object = {}): Promise<{ server: Loopback; client: Client }> {
  const server = await startLoopback();
  server.server.on('connection', (socket) => {
    socket.on('message', (text) => {
      const { action, echo } = JSON.parse(String(text)) as { action: string; echo: unknown };
      socket.send(JSON.stringify({ status: 'ok', retcode: 0, data: { echoed: action }, message: '', wording: '', echo }));
    });
  });
  const client = createClient({ url: server.url, reconnect: false, ...options });
  cleanups.push(() => server.close(), () => client.close());
  return { server, client };
}

describe('action names are looked up by own keys only', () => {
  it.each(PROTO_KEYS.flatMap((key) => [key, `${key}_async`]))('callApi(%j) is an uncatalogued pass-through', async (action) => {
    const { client } = await echoingServer();
    expect(await firstValueFrom(client.callApi(action, {}))).toEqual({ echoed: action });
  });

  it('passes them through the throttle and the backend adapters too', async () => {
    const { client } = await echoingServer({ throttle: { perTarget: { count: 1, perMs: 60_000 } } });
    for (const action of PROTO_KEYS) expect(await firstValueFrom(client.callApi(action, {}))).toEqual({ echoed: action });
    for (const action of PROTO_KEYS) {
      expect(sendTarget(action, {})).toBeUndefined();
      expect(supportOf(action, 'napcat')).toBe('unknown');
      expect(adaptCall(action, { a: 1 }, 'napcat')).toEqual({ action, params: { a: 1 } });
    }
  });

  it("the simulator answers them as unknown actions (1404), over WS and HTTP", async () => {
    const sim = await createSimulator({ heartbeatInterval: 0 });
    cleanups.push(() => sim.close());
    const client = createClient({ url: sim.url, reconnect: false });
    cleanups.push(() => client.close());
    for (const action of PROTO_KEYS) {
      const error = await firstValueFrom(client.callApi(action, {})).catch((e: unknown) => e);
      expect(isActionFailedError(error) && error.retcode, action).toBe(1404);
    }
    const http = new URL(sim.httpUrl);
    for (const action of PROTO_KEYS) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: http.hostname, port: http.port, path: `/${action}`, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{}');
      });
      expect(status, action).toBe(404);
    }
  });
});

describe('event dispatch, segment and CQ tables keyed by input', () => {
  it('routes events whose discriminants are prototype keys to unknownEvents$, not a crash', async () => {
    const server = await startLoopback();
    cleanups.push(() => server.close());
    const client = createClient({ url: server.url, reconnect: false });
    cleanups.push(() => client.close());
    const base = { time: 1, self_id: 10000 };
    const odd = PROTO_KEYS.flatMap((key) => [
      { ...base, post_type: key },
      { ...base, post_type: 'notice', notice_type: key },
      { ...base, post_type: 'notice', notice_type: 'notify', sub_type: key },
      { ...base, post_type: 'message', message_type: key },
      { ...base, post_type: 'request', request_type: key },
      { ...base, post_type: 'meta_event', meta_event_type: key },
    ]);
    const unknown = firstValueFrom(client.unknownEvents$.pipe(take(odd.length), toArray()));
    const known = firstValueFrom(client.groupMessages$);
    const { socket } = await server.connection(1);
    for (const event of odd) socket.send(JSON.stringify(event));
    socket.send(JSON.stringify(sampleGroupMessage()));
    expect((await unknown).length).toBe(odd.length);
    expect((await known).group_id).toBe(sampleGroupMessage().group_id);
    for (const event of odd) expect(eventCodecFor(event)).toBeUndefined();
  });

  it('parses CQ codes named after prototype keys as plain segments with own data keys', () => {
    for (const key of PROTO_KEYS) {
      const [segment] = cq.parse(`[CQ:${key},${key}=1]`);
      expect(segment?.type).toBe(key);
      const data = segment?.data as Record<string, unknown>;
      expect(Object.hasOwn(data, key)).toBe(true);
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(cq.stringify(cq.parse(`[CQ:${key}]`))).toBe(`[CQ:${key}]`);
    }
  });

  it('delivers messages whose segment types and data keys are prototype keys as they are, polluting nothing', async () => {
    const server = await startLoopback();
    cleanups.push(() => server.close());
    const client = createClient({ url: server.url, reconnect: false });
    cleanups.push(() => client.close());
    const segments = PROTO_KEYS.map((key) => `{"type":${JSON.stringify(key)},"data":{"__proto__":{"polluted":1},${JSON.stringify(key)}:"1"}}`);
    const array = JSON.stringify({ ...sampleGroupMessage(), message: 'SEGMENTS' }).replace('"SEGMENTS"', `[${segments.join(',')}]`);
    const cqText = { ...sampleGroupMessage(), message: PROTO_KEYS.map((key) => `[CQ:${key},${key}=1]`).join('') };
    const received = firstValueFrom(client.groupMessages$.pipe(take(2), toArray()));
    const { socket } = await server.connection(1);
    socket.send(array);
    socket.send(JSON.stringify(cqText));
    const [fromArray, fromCq] = await received;
    expect(fromArray?.message.map((m) => m.type)).toEqual(PROTO_KEYS);
    expect(fromCq?.message.map((m) => m.type)).toEqual(PROTO_KEYS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('matches no event with query parts that are prototype keys', () => {
    const event = sampleGroupMessage();
    for (const key of PROTO_KEYS) {
      for (const query of [key, `message.${key}`, `message.group.${key}`, `${key}.${key}.${key}`]) expect(predicateOf(query)(event)).toBe(false);
    }
  });
});
