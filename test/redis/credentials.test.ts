/**
 * Redis credentials pass through and never show (SCALE-OUT.md "Security"): a redis-server that requires a
 * password and has an ACL user, URLs with the right and the wrong secrets, and a `rediss://` (TLS) URL to a
 * plain server; every log line and every error is checked for the secrets.
 */
import { EMPTY, Subject, filter, firstValueFrom, take } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger';
import { createGateway, createWorker } from '../../src/redis';
import { hasRedisServer } from '../helpers/redis-server';
import { until } from './cluster-harness';
import { redisSuite } from './redis-suite';

const PASSWORD = 'Sup3rSecretPw';
const USER_PASSWORD = 'B0tSecretPw';
const WRONG = 'Wr0ngSecretPw';
const WRONG_USER = 'Wr0ngB0tPw';
const SECRETS = [PASSWORD, USER_PASSWORD, WRONG, WRONG_USER];

/** A logger that keeps every line. */
function recording(): Logger & { lines: string[]; logged$: Subject<void> } {
  const lines: string[] = [];
  const logged$ = new Subject<void>();
  const keep = (m: unknown) => {
    lines.push(String(m));
    logged$.next();
  };
  return { lines, logged$, debug: keep, info: keep, warn: keep, error: keep };
}

/** Everything an error shows: its string, message, stack, cause chain and own fields. */
function shownBy(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    parts.push(String(e));
    if (e instanceof Error) parts.push(e.message, e.stack ?? '', JSON.stringify(e));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

const leaks = (text: string): string[] => SECRETS.filter((s) => text.includes(s));

describe.runIf(hasRedisServer || process.env.CI)('Redis credentials (real redis-server with requirepass and an ACL user)', () => {
  const suite = redisSuite();
  const url = (auth: string, scheme = 'redis') => `${scheme}://${auth}@127.0.0.1:${suite.server().port}`;
  beforeAll(async () => {
    const admin = suite.server().client(); // connected before the password is set: it stays authenticated
    await admin.config('SET', 'requirepass', PASSWORD);
    await admin.call('ACL', 'SETUSER', 'bot', 'on', `>${USER_PASSWORD}`, '~*', '&*', '+@all');
  });

  it('redis://:password@ and redis://user:password@ work end to end, and no log line shows a password', async () => {
    const logger = recording();
    const { sim } = await suite.serve({ redis: url(`:${PASSWORD}`), prefix: 'cred1', partitions: 2, statsInterval: 50, logger }, { groups: [{ group_id: 501, group_name: 'a' }] });
    const worker = suite.track(createWorker({ redis: url(`bot:${USER_PASSWORD}`), prefix: 'cred1', group: 'bots', consumer: 'w1', partitions: 2, leaseTtl: 2_000, blockMs: 100, logger }));
    worker.handle('message.group', (m, ctx) => ctx.reply('pong'));
    await sim.waitForConnection();
    const sent = firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'send_group_msg'), take(1)));
    await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: 'ping' }));
    expect((await sent).params.group_id).toBe(501);
    expect(leaks(logger.lines.join('\n'))).toEqual([]);
  });

  it('wrong passwords: the refusals are logged without the password, a call fails without it, and close() returns', async () => {
    const logger = recording();
    suite.track(createGateway({ redis: url(`default:${WRONG}`), clients: EMPTY, prefix: 'cred2', partitions: 2, logger }));
    const worker = suite.track(createWorker({ redis: url(`bot:${WRONG_USER}`), prefix: 'cred2', group: 'bots', consumer: 'w1', partitions: 2, selfId: 10001, blockMs: 100, logger }));
    worker.handle('message.group', () => undefined);
    // The call's own timeout ends it: Redis refuses every command of this worker.
    const error = await firstValueFrom(worker.api.get_login_info({}, { timeout: 200 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(leaks(shownBy(error))).toEqual([]);
    await until(() => logger.lines.some((l) => /gateway/.test(l) && /WRONGPASS|NOAUTH/.test(l)) && logger.lines.some((l) => /worker/.test(l) && /WRONGPASS|NOAUTH/.test(l)), logger.logged$);
    expect(leaks(logger.lines.join('\n'))).toEqual([]);
  });

  it('rediss:// (TLS) passes through (a plain server never completes the handshake), nothing logged shows the password, and close() returns though Redis was never reached', async () => {
    const logger = recording();
    const gw = suite.track(createGateway({ redis: url(`:${PASSWORD}`, 'rediss'), clients: EMPTY, prefix: 'cred3', partitions: 2, logger }));
    const worker = suite.track(createWorker({ redis: url(`:${PASSWORD}`, 'rediss'), prefix: 'cred3', group: 'bots', consumer: 'w1', partitions: 2, leaseTtl: 500, blockMs: 100, logger }));
    worker.handle('message.group', () => undefined);
    await until(() => logger.lines.length > 0, logger.logged$);
    expect(logger.lines.join('\n')).not.toMatch(/WRONGPASS|NOAUTH/); // it never got to authenticate: TLS first
    expect(leaks(logger.lines.join('\n'))).toEqual([]);
    // Nothing to say goodbye to: close() must not queue its QUIT (or its clean-up) for a Redis that never answers.
    await Promise.all([worker.close(), gw.close()]);
    expect(leaks(logger.lines.join('\n'))).toEqual([]);
  });
});
