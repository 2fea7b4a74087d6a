import type { Redis } from 'ioredis';
import { lastValueFrom, toArray } from 'rxjs';
import { type Client, type Logger, isActionFailedError, isDisconnectedError, isInvalidParamsError } from 'onebot-rx';
import { parseLossless } from '../codec/lossless-json';
import { STALE_OWNER_RETCODE, STALE_OWNER_WORDING } from './errors';
import type { Keys } from './keys';
import { stringifyLossless } from './lossless';
import { CLAIM, isInFlightRecord } from './scripts';
import { ACTION_FIELDS as A, MAX_REPLIES, REPLY_FIELD, type RawEntry, ensureGroup, entriesOf, fieldsOf, isNoGroup, withEcho } from './wire';

/** Consumer group every gateway reads the action streams with. */
export const GATEWAY_GROUP = 'gateway';

/** What executing one account's actions needs. */
export interface ActionRunnerDeps {
  readonly keys: Keys;
  readonly main: Redis;
  /** A dedicated connection for the blocking reads of this account's stream. */
  readonly reader: Redis;
  readonly client: Client;
  readonly selfId: string;
  /** This gateway's consumer name. */
  readonly consumer: string;
  readonly idempotencyTtl: number;
  readonly maxInFlight: number;
  readonly blockMs: number;
  readonly logger: Logger;
  readonly redact: (text: string) => string;
}

interface Request {
  readonly action: string;
  readonly params: unknown;
  readonly echo: unknown;
}

const GATEWAY_FAILURE: Readonly<Record<string, number>> = {
  ActionTimeoutError: -1,
  DisconnectedError: -2,
  UnsupportedActionError: -3,
  InvalidParamsError: -4,
};

/**
 * The reply (without echo) of a call that ended with `error` at the gateway. A typed error also carries what
 * the worker needs to raise the same error class (`action`, `sent`, `timeout`, `report`, `backend`, `param`;
 * see `reply-stream.ts`).
 */
function failureOutcome(action: string, error: unknown, redact: (t: string) => string): string {
  if (isActionFailedError(error)) {
    const message = error.message.replace(/^.*? failed \(retcode [^)]*\)(?:: )?/, '');
    return JSON.stringify({ status: error.status || 'failed', retcode: error.retcode, data: null, message, wording: error.wording });
  }
  const name = error instanceof Error ? error.name : 'Error';
  const message = redact(error instanceof Error ? error.message : String(error));
  const e = (error ?? {}) as { sent?: unknown; timeout?: unknown; report?: unknown; backend?: unknown; param?: unknown };
  const extra = { action, sent: e.sent, timeout: e.timeout, report: typeof e.report === 'string' ? redact(e.report) : undefined, backend: e.backend, param: e.param };
  return JSON.stringify({ status: 'failed', retcode: GATEWAY_FAILURE[name] ?? -9, data: null, message, wording: name, ...extra });
}

/** The longest timer Node keeps (a longer one fires at once). */
const MAX_TIMER = 2_147_483_647;

const COUNTER = /^\d{1,15}$/;

/**
 * What makes an action entry's own fields unusable, if anything: no idempotency key (all keyless entries
 * would share one), or fencing fields that are not both decimal integers (half of them would skip the check).
 */
function entryFault(key: string, partition: string, epoch: string): string | undefined {
  if (key === '') return 'no idempotency key';
  if ((partition !== '' || epoch !== '') && !(COUNTER.test(partition) && COUNTER.test(epoch))) return 'partition and epoch must both be decimal integers';
  return undefined;
}

/** Whether the gateway may forget a key whose call failed: nothing reached the OneBot server. */
const nothingSent = (error: unknown): boolean =>
  isInvalidParamsError(error) || (error instanceof Error && error.name === 'UnsupportedActionError') || (isDisconnectedError(error) && !error.sent);

/**
 * Executes the actions workers post for one account, each idempotency key at most once: reads
 * `<prefix>:actions:<self_id>` with a consumer group (so a restarted gateway takes over what a dead one had
 * read), claims the key atomically with its fencing check, calls the account's client, stores the outcome and
 * pushes the reply frame (with the caller's echo) to the caller's reply stream. Resolves when stopped.
 */
export function runActions(deps: ActionRunnerDeps): { stop(): Promise<void> } {
  const { keys, main, reader, client, selfId, logger } = deps;
  const stream = keys.actions(selfId);
  let stopped = false;
  let inFlight = 0;
  let slot: (() => void) | undefined;
  const running = new Map<string, Promise<string | undefined>>();
  const executions = new Set<Promise<unknown>>();

  const reply = async (to: string, frame: string): Promise<void> => {
    if (to === '') return;
    await main.multi().xadd(to, 'MAXLEN', '~', String(MAX_REPLIES), '*', REPLY_FIELD, frame).pexpire(to, 60_000).exec();
  };

  /** Calls the account's client; resolves with the last reply (without echo); pushes every frame as it comes. */
  const call = async (request: Request, to: string, deadline: number): Promise<{ outcome: string; forget: boolean }> => {
    const timeout = Math.min(MAX_TIMER, Math.max(1, deadline - Date.now())); // (a longer timer would fire at once)
    const options = { timeout, force: true };
    try {
      let values: unknown[];
      try {
        values = await lastValueFrom(client.callApi(request.action, request.params as object, options).pipe(toArray()));
      } catch (e) {
        if (!isInvalidParamsError(e)) throw e;
        // The worker checked the params already; an encoded form this codec does not take back goes raw
        // (IDs beyond 2^53 then travel as digit strings, which NapCat accepts).
        values = await lastValueFrom(client.api.raw[request.action]!(request.params as object, options).pipe(toArray()));
      }
      let outcome = '';
      for (const data of values) {
        outcome = `{"status":"ok","retcode":0,"data":${stringifyLossless(data === undefined ? null : data)}}`;
        if (values.length > 1) await reply(to, withEcho(outcome, request.echo));
      }
      return { outcome, forget: false };
    } catch (e) {
      return { outcome: failureOutcome(request.action, e, deps.redact), forget: nothingSent(e) };
    }
  };

  /** Waits for the first run of a key in flight elsewhere: its outcome, or nothing by the deadline. */
  const awaitOutcome = async (key: string, deadline: number): Promise<string | undefined> => {
    const local = running.get(key);
    if (local !== undefined) return local;
    let delay = 20;
    while (!stopped && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(1, deadline - Date.now()))));
      const record = await main.get(keys.idempotency(key));
      if (record === null) return undefined;
      if (!isInFlightRecord(record)) return record;
      delay = Math.min(delay * 2, 500);
    }
    return undefined;
  };

  const execute = async (id: string, flat: readonly string[]): Promise<void> => {
    const f = fieldsOf(flat);
    const frame = f[A.frame] ?? '';
    const to = f[A.replyTo] ?? '';
    const key = f[A.key] ?? '';
    const deadline = Number(f[A.deadline]) || Date.now() + 30_000;
    let request: Request;
    try {
      request = parseLossless(frame) as Request;
      if (typeof request?.action !== 'string') throw new Error('no action');
    } catch {
      logger.warn(`onebot-rx/redis: gateway dropped a malformed action entry ${id} on ${stream}`);
      return;
    }
    if (!to.startsWith(keys.replies(''))) {
      logger.warn(`onebot-rx/redis: gateway dropped a malformed action entry ${id} on ${stream}: its reply address is no reply stream`);
      return;
    }
    if (Date.now() >= deadline) return; // the caller has timed out already: nothing to answer
    const partition = f[A.partition] ?? '';
    const epoch = f[A.epoch] ?? '';
    const fault = entryFault(key, partition, epoch);
    if (fault !== undefined) {
      logger.warn(`onebot-rx/redis: gateway refused a malformed action entry ${id} on ${stream}: ${fault}`);
      const message = `malformed action entry: ${fault}; nothing was sent`;
      const failure = { status: 'failed', retcode: GATEWAY_FAILURE.InvalidParamsError, data: null, message, wording: 'InvalidParamsError', action: request.action, report: message };
      await reply(to, withEcho(JSON.stringify(failure), request.echo));
      return;
    }
    const idem = keys.idempotency(key);
    const claim = (await CLAIM.run(main, [idem, partition === '' ? idem : keys.epoch(Number(partition)), keys.stats], [
      partition === '' ? '' : epoch,
      deps.idempotencyTtl,
      `${deps.consumer}:${id}`,
    ])) as [string, string?];
    if (claim[0] === 'stale') {
      const message = `stale owner of partition ${partition} (epoch ${epoch} < ${claim[1] ?? '?'}); nothing was sent`;
      await reply(to, withEcho(JSON.stringify({ status: 'failed', retcode: STALE_OWNER_RETCODE, data: null, message, wording: STALE_OWNER_WORDING }), request.echo));
      return;
    }
    if (claim[0] === 'dup') {
      const outcome = claim[1] === undefined || isInFlightRecord(claim[1]) ? await awaitOutcome(key, deadline) : claim[1];
      if (outcome !== undefined) await reply(to, withEcho(outcome, request.echo));
      return;
    }
    const run = call(request, to, deadline);
    const first = run.then((r) => r.outcome);
    running.set(key, first);
    try {
      const { outcome, forget } = await run;
      if (forget) await main.del(idem);
      else await main.set(idem, outcome, 'KEEPTTL');
      await reply(to, withEcho(outcome, request.echo));
    } finally {
      running.delete(key);
    }
  };

  const executing = new Set<string>();
  const start = (id: string, flat: readonly string[]): void => {
    if (executing.has(id)) return; // taken over again after a reconnect while it runs here
    executing.add(id);
    inFlight++;
    const done = execute(id, flat)
      .catch((e: unknown) => logger.warn(`onebot-rx/redis: gateway action ${id} on ${stream}: ${deps.redact(String(e))}`))
      .then(() => main.xack(stream, GATEWAY_GROUP, id))
      .catch(() => undefined)
      .finally(() => {
        inFlight--;
        executing.delete(id);
        executions.delete(done);
        slot?.();
      });
    executions.add(done);
  };

  const freeSlot = (): Promise<void> =>
    inFlight < deps.maxInFlight
      ? Promise.resolve()
      : new Promise((resolve) => {
          slot = () => {
            slot = undefined;
            resolve();
          };
        });

  const runAll = async (entries: readonly RawEntry[]): Promise<void> => {
    for (const [id, flat] of entries) {
      await freeSlot();
      start(id, flat);
    }
  };

  /**
   * Takes over the entries a previous gateway read but never acknowledged (it died mid-execution), and the
   * ones this gateway read when the answer was lost with the connection (those running here are skipped).
   */
  const takeOver = async (): Promise<void> => {
    let cursor = '0-0';
    do {
      const [next, entries] = (await reader.call('XAUTOCLAIM', stream, GATEWAY_GROUP, deps.consumer, '0', cursor, 'COUNT', '100')) as [string, RawEntry[]];
      await runAll(entries.filter((e) => Array.isArray(e?.[1])));
      cursor = next;
    } while (cursor !== '0-0' && !stopped);
  };

  const loop = async (): Promise<void> => {
    let fresh = true;
    while (!stopped) {
      try {
        if (fresh) {
          await ensureGroup(reader, stream, GATEWAY_GROUP);
          await takeOver();
          fresh = false;
        }
        const reply = await reader.call('XREADGROUP', 'GROUP', GATEWAY_GROUP, deps.consumer, 'COUNT', '100', 'BLOCK', String(deps.blockMs), 'STREAMS', stream, '>');
        for (const [, entries] of entriesOf(reply)) await runAll(entries);
      } catch (e) {
        if (stopped) break;
        fresh = true; // the answer may have been lost with the connection: take our pending entries over again
        if (!isNoGroup(e)) {
          logger.warn(`onebot-rx/redis: gateway reading ${stream}: ${deps.redact(e instanceof Error ? e.message : String(e))}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    }
  };
  const looping = loop();

  return {
    stop: async () => {
      stopped = true;
      reader.disconnect();
      await looping;
      await Promise.all([...executions]);
    },
  };
}
