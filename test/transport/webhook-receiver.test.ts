import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMPTY, firstValueFrom, of } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebhookReceiverOptions, createWebhook } from '../../src/index';
import { createSimulator } from '../../src/testing/index';
import { signatureOf } from '../../src/transport/signature';
import { webhookTexts } from '../../src/transport/webhook-receiver';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const message = {
  time: 1700000000,
  self_id: 10000,
  post_type: 'message',
  message_type: 'private',
  sub_type: 'friend',
  message_id: 1,
  user_id: 20001,
  message: [{ type: 'text', data: { text: 'hi' } }],
  raw_message: 'hi',
  font: 0,
  sender: { user_id: 20001, nickname: 'a', sex: 'unknown', age: 0 },
};

async function mounted(options: WebhookReceiverOptions) {
  const receiver = createWebhook(options);
  const server = createServer(receiver.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    return { status: response.status, body: await response.text() };
  };
  const signed = (body: string, secret = 'hmac') => post(body, { 'X-Signature': signatureOf(secret, body) });
  return { receiver, url, post, signed };
}

describe('createWebhook', () => {
  it('accepts a correctly signed event with 204 and emits it on events$', async () => {
    const { receiver, signed } = await mounted({ secret: 'hmac' });
    const event = firstValueFrom(receiver.events$);
    expect((await signed(JSON.stringify(message))).status).toBe(204);
    expect(await event).toMatchObject({ post_type: 'message', user_id: 20001, raw_message: 'hi' });
  });

  it('answers 401 without a signature and 403 with a wrong one, emitting nothing', async () => {
    const { receiver, post, signed } = await mounted({ secret: 'hmac' });
    const seen: unknown[] = [];
    receiver.events$.subscribe((e) => seen.push(e));
    expect((await post(JSON.stringify(message))).status).toBe(401);
    expect((await signed(JSON.stringify(message), 'other')).status).toBe(403);
    expect((await post(JSON.stringify(message), { 'X-Signature': 'sha1=00' })).status).toBe(403);
    expect(seen).toEqual([]);
  });

  it('signs the raw body bytes: the same JSON re-serialised does not pass', async () => {
    const { post } = await mounted({ secret: 'hmac' });
    const spaced = JSON.stringify(message, null, 1);
    expect((await post(spaced, { 'X-Signature': signatureOf('hmac', JSON.stringify(message)) })).status).toBe(403);
    expect((await post(spaced, { 'X-Signature': signatureOf('hmac', spaced) })).status).toBe(204);
  });

  it('answers 400 for a body that is not an event', async () => {
    const { signed } = await mounted({ secret: 'hmac' });
    expect((await signed('not json')).status).toBe(400);
    expect((await signed('{"status":"ok","retcode":0,"data":null}')).status).toBe(400);
    expect((await signed(JSON.stringify({ ...message, user_id: { not: 'an id' } }))).status).toBe(400);
  });

  it('answers 405 to anything but POST', async () => {
    const { url } = await mounted({});
    expect((await fetch(url)).status).toBe(405);
  });

  it('needs no signature when it has no secret', async () => {
    const { post } = await mounted({});
    expect((await post(JSON.stringify(message))).status).toBe(204);
  });

  it.each([
    ['a value', () => ({ reply: 'pong' })],
    ['a Promise', () => Promise.resolve({ reply: 'pong' })],
    ['an Observable', () => of({ reply: 'pong' }, { reply: 'ignored' })],
  ])('answers 200 with the quick operation that respond returns as %s', async (_kind, respond) => {
    const { post } = await mounted({ respond });
    const answer = await post(JSON.stringify(message));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ reply: 'pong' });
  });

  it.each([
    ['undefined', () => undefined],
    ['null', () => null],
    ['an empty Observable', () => EMPTY],
  ])('answers 204 when respond returns %s', async (_kind, respond) => {
    const { post } = await mounted({ respond });
    expect((await post(JSON.stringify(message))).status).toBe(204);
  });

  it('answers 500 when respond throws or rejects, and keeps serving', async () => {
    let calls = 0;
    const { post } = await mounted({
      respond: () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        if (calls === 2) return Promise.reject(new Error('boom'));
        return { reply: 'ok' };
      },
    });
    expect((await post(JSON.stringify(message))).status).toBe(500);
    expect((await post(JSON.stringify(message))).status).toBe(500);
    expect((await post(JSON.stringify(message))).status).toBe(200);
  });

  it('passes well-formed unknown events to clients but not to events$', async () => {
    const { receiver, post } = await mounted({});
    const texts = webhookTexts(receiver);
    const seen: unknown[] = [];
    receiver.events$.subscribe((e) => seen.push(e));
    const raw = texts === undefined ? Promise.resolve(undefined) : firstValueFrom(texts);
    const unknown = '{"time":1,"self_id":1,"post_type":"notice","notice_type":"brand_new"}';
    expect((await post(unknown)).status).toBe(204);
    expect(await raw).toBe(unknown);
    expect(seen).toEqual([]);
  });

  it('gets its quick operation carried out by the simulator as .handle_quick_operation', async () => {
    const sim = await createSimulator({ heartbeatInterval: 0 });
    cleanups.push(() => sim.close());
    const { url } = await mounted({ secret: 'hmac', respond: (e) => (e.post_type === 'message' ? { reply: 'pong' } : undefined) });
    const quick = sim.expectAction('.handle_quick_operation');
    const target = sim.postEventsTo({ url, secret: 'hmac' });
    await sim.chat([{ user_id: 20001, message: 'ping' }]);
    const call = await quick;
    expect(call.params).toMatchObject({ operation: { reply: 'pong' }, context: { raw_message: 'ping' } });
    expect(await firstValueFrom(target.deliveries$)).toEqual({ status: 200, operation: { reply: 'pong' } });
  });
});
