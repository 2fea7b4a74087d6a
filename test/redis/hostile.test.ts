/**
 * "Nothing from a stream entry is trusted beyond what the codecs accept" (SCALE-OUT.md): hostile entries are
 * put straight into a real Redis with a raw client, and the worker and the gateway must report or drop them,
 * never crash, leave nothing pending, and go on with the next good entry.
 */
import type { Redis } from 'ioredis';
import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger';
import { createWorker } from '../../src/redis';
import { type ActionCall, createSimulator, type Simulator } from '../../src/testing';
import { hasRedisServer } from '../helpers/redis-server';
import { entriesIn, settled, until } from './cluster-harness';
import { redisSuite } from './redis-suite';

/** A logger that keeps every line. */
function recording(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (m: unknown) => void lines.push(String(m));
  return { lines, debug: keep, info: keep, warn: keep, error: keep };
}

function callsSoFar(sim: Simulator): ActionCall[] {
  const calls: ActionCall[] = [];
  sim.calls$.subscribe((c) => calls.push(c)).unsubscribe();
  return calls;
}

const textOfCall = (c: ActionCall): string => {
  const message = c.params.message as Array<{ data?: { text?: string } }> | string;
  return typeof message === 'string' ? message : (message[0]?.data?.text ?? '');
};

/** Reads the reply stream `list` until every echo in `echoes` has a reply; returns them by echo. */
async function repliesFor(redis: Redis, list: string, echoes: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const got = new Map<string, Record<string, unknown>>();
  let after = '0-0';
  while (!echoes.every((e) => got.has(e))) {
    const read = (await redis.xread('BLOCK', 0, 'STREAMS', list, after)) as [string, [string, string[]][]][];
    for (const [id, fields] of read[0]![1]) {
      after = id;
      const reply = JSON.parse(fields[1]!) as Record<string, unknown>;
      got.set(String(reply.echo), reply);
    }
  }
  return got;
}

describe.runIf(hasRedisServer || process.env.CI)('hostile stream entries (real redis-server, raw ioredis writes)', () => {
  const suite = redisSuite();

  it('worker: garbage event entries are reported or passed through, a reply in an events entry or an event in the reply stream is refused, and the next good entry is handled', async () => {
    const server = suite.server();
    const sim = suite.track(await createSimulator({ heartbeatInterval: 0 }));
    const frame = (text: string) => JSON.stringify(sim.events.groupMessage({ group_id: 501, user_id: 7, message: text }));
    const raw = server.client();
    const logger = recording();
    const worker = suite.track(createWorker({ redis: server.url, prefix: 'h1', group: 'bots', consumer: 'w1', partitions: 1, leaseTtl: 2_000, blockMs: 100, statsInterval: 50, selfId: '999', logger }));
    const errors: string[] = [];
    worker.errors$.subscribe((e) => errors.push(e.name));
    const seen: string[] = [];
    worker.handle('message.group', (m) => {
      seen.push(String(m.raw_message));
    });
    await firstValueFrom(worker.stats$.pipe(filter((s) => 0 in s.lag)));

    // A call outside a handling, to an account no gateway holds: it waits for its reply.
    const call = firstValueFrom(worker.api.get_login_info({}));
    await entriesIn(raw, 'h1:actions:999');
    const [[, posted]] = (await raw.xrange('h1:actions:999', '-', '+')) as [[string, string[]]];
    const fields = Object.fromEntries(posted.flatMap((v, i) => (i % 2 === 0 ? [[v, posted[i + 1]]] : [])));
    const echo = (JSON.parse(fields.f!) as { echo: string }).echo;
    const replyTo = fields.r!;

    const stream = 'h1:events:0';
    await raw.xadd(stream, '*', 'x', 'y'); // no field the worker knows
    await raw.xadd(stream, '*', 'i', 'h-1', 'f', 'not json{', 's', '1');
    await raw.xadd(stream, '*', 'i', 'h-2', 'f', '[1,2]');
    await raw.xadd(stream, '*', 'i', 'h-3', 'f', '{"foo":1}');
    await raw.xadd(stream, '*', 'i', 'h-4', 'f', '{"post_type":"message","message_type":"group"}');
    await raw.xadd(stream, '*', 'i', 'h-5', 'f', `{"post_type":"x","pad":"${'a'.repeat(4_000_000)}"}`, 's', '9'.repeat(1_000_000));
    // A reply-shaped frame in an events entry must not answer the pending call.
    await raw.xadd(stream, '*', 'i', 'h-6', 'f', JSON.stringify({ status: 'ok', retcode: 0, data: { user_id: 6666, nickname: 'forged' }, echo }));
    await raw.xadd(stream, '*', 'i', 'g-1', 'f', frame('good-1'), 's', String(sim.selfId));
    await until(() => seen.includes('good-1'), worker.stats$);

    // The reply stream: garbage, an unknown echo, an event (never handled from here), no echo, then the genuine reply.
    // (an echo-less 1403 is what a server says to a bad access token: the client would end for good)
    for (const text of ['garbage', '{"status":"ok","retcode":0,"data":null,"echo":"nope"}', '[]', frame('injected'), '{"status":"failed","retcode":1403,"data":null}']) {
      await raw.xadd(replyTo, '*', 'f', text);
    }
    await raw.xadd(replyTo, '*', 'x', 'no reply field');
    await raw.xadd(replyTo, '*', 'f', JSON.stringify({ status: 'ok', retcode: 0, data: { user_id: 4242, nickname: 'genuine' }, echo }));
    const info = (await call) as { user_id: number };
    expect(info.user_id).toBe(4242);

    await raw.xadd(stream, '*', 'i', 'g-2', 'f', frame('good-2'), 's', String(sim.selfId));
    await until(() => seen.includes('good-2'), worker.stats$);
    expect(seen).toEqual(['good-1', 'good-2']);
    await until(() => settled(raw, 'h1', 1, 999), worker.stats$);
    // the unknown-field entry, bad JSON, a non-object, a neither-nor, a bad event, the reply in an events entry
    expect(errors.filter((n) => n === 'DecodeError' || n === 'ProtocolError').length).toBeGreaterThanOrEqual(6);
    expect(logger.lines.some((l) => l.includes('reply stream'))).toBe(true);
  });

  it('gateway: garbage action entries are dropped or refused with a failure reply, nothing is sent for them, and the next good entry runs', async () => {
    const server = suite.server();
    const logger = recording();
    const { sim, gateway } = await suite.serve({ prefix: 'h2', partitions: 1, statsInterval: 50, logger }, { groups: [{ group_id: 501, group_name: 'a' }] });
    await sim.waitForConnection();
    const raw = server.client();
    const popper = server.client();
    const self = String(sim.selfId);
    const stream = `h2:actions:${self}`;
    await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: 'hello' })); // the gateway takes the account
    await until(async () => (await raw.exists(stream)) === 1, gateway.stats$);
    await raw.set('h2:epoch:0', '5');

    const list = 'h2:replies:hostile';
    const send = (echo: string, text: string) => JSON.stringify({ action: 'send_group_msg', params: { group_id: 501, message: text }, echo });
    // real-time: an action entry's deadline is wall-clock ms by the wire format; ten minutes is never reached here
    const far = String(Date.now() + 600_000);
    const add = (...fields: string[]) => raw.xadd(stream, '*', ...fields);
    await add('x', 'y');
    await add('k', 'h:b', 'f', 'garbage', 'r', list, 'd', far);
    await add('k', 'h:c', 'f', '{"params":{}}', 'r', list, 'd', far);
    await add('f', send('d', 'from-d'), 'r', list, 'd', far); // no idempotency key
    await add('k', 'h:e', 'f', send('e', 'from-e'), 'r', list, 'd', far, 'p', 'x', 'e', 'y'); // garbage fencing
    await add('k', 'h:e2', 'f', send('e2', 'from-e2'), 'r', list, 'd', far, 'p', '0'); // a partition without an epoch
    await add('k', 'h:f', 'f', send('f', 'from-f'), 'r', list, 'd', '1e20'); // a deadline beyond any timer
    await add('k', 'h:g', 'f', JSON.stringify({ action: '__proto__', params: 5, echo: 'g' }), 'r', list, 'd', far);
    await add('k', 'h:h', 'f', send('h', 'from-h'), 'r', 'h2:accounts', 'd', far); // replies to a key that is no reply stream
    await add('k', 'h:i', 'f', send('i', 'from-i'), 'r', list, 'd', far, 'p', '0', 'e', '1'); // stale epoch
    await add('k', `h:${'z'.repeat(100_000)}`, 'f', `{"action":"send_group_msg","params":${'['.repeat(200_000)}`, 'r', list, 'd', far); // huge and broken
    await add('k', 'h:j', 'f', send('j', 'from-j'), 'r', list, 'd', far);

    const replies = await repliesFor(popper, list, ['d', 'e', 'e2', 'f', 'g', 'i', 'j']);
    for (const echo of ['d', 'e', 'e2', 'g', 'i']) expect(replies.get(echo)?.status, echo).toBe('failed');
    expect(replies.get('i')?.wording).toBe('StaleOwnerError');
    expect(replies.get('f')?.status).toBe('ok');
    expect(replies.get('j')?.status).toBe('ok');
    await until(async () => ((await raw.xpending(stream, 'gateway')) as [number])[0] === 0, gateway.stats$);
    const sent = callsSoFar(sim).filter((c) => c.action === 'send_group_msg').map(textOfCall);
    expect(sent.sort()).toEqual(['from-f', 'from-j']);
    expect(await raw.exists('h2:idem:')).toBe(0); // a keyless entry claims no shared key
    expect(logger.lines.filter((l) => l.includes('malformed')).length).toBeGreaterThanOrEqual(5);
  });
});
