import * as t from 'io-ts';
import { VirtualTimeScheduler, firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { BackendProfile } from '../../src/action/backend';
import { type CallLink, createCaller } from '../../src/action/caller';
import { callerDeps } from '../helpers/status-caller';
import { type BackendName, NoParams, action } from '../../src/action/define';
import type { ReplyFrame } from '../../src/codec/frame';
import { Id, IdParam } from '../../src/codec/id';
import {
  ActionFailedError,
  ActionTimeoutError,
  AuthError,
  DecodeError,
  DisconnectedError,
  InvalidParamsError,
  ProtocolError,
  UnsupportedActionError,
} from '../../src/errors';
import type { SocketOpen } from '../../src/transport/types';

const catalogue = {
  get_status: action({ params: NoParams, result: t.type({ online: t.boolean }), origin: 'onebot11', doc: 'status' }),
  delete_msg: action({
    params: t.type({ message_id: IdParam }),
    result: t.null,
    origin: 'onebot11',
    doc: 'recall',
  }),
  get_login_info: action({
    params: NoParams,
    result: t.type({ user_id: Id, nickname: t.string }),
    origin: 'onebot11',
    doc: 'login',
  }),
  send_group_sign: action({ params: t.type({ group_id: IdParam }), result: t.null, origin: 'go-cqhttp', doc: 'sign' }),
  download_file_stream: action({
    params: t.type({ file: t.string }),
    result: t.UnknownRecord,
    origin: 'napcat',
    doc: 'download',
    reply: 'stream',
  }),
};

/** A backend profile that refuses `unsupported` and adapts nothing. */
function profile(p: { name: BackendName; unsupported?: string[]; unsafeIdsAsStrings?: boolean }): BackendProfile {
  return {
    name: p.name,
    supports: (action) => !(p.unsupported ?? []).includes(action),
    adapt: (action, params) => ({ action, params }),
    unsafeIdsAsStrings: p.unsafeIdsAsStrings ?? false,
  };
}

function harness(options: { strict?: boolean; unsupported?: string[]; socket?: SocketOpen } = {}) {
  const scheduler = new VirtualTimeScheduler();
  const written: Array<{ action: string; params: unknown; echo: string; text: string }> = [];
  const reported: unknown[] = [];
  const fatal: AuthError[] = [];
  let holds = 0;
  let generation = 1;
  let socket: SocketOpen | undefined = options.socket;
  let closed: unknown;
  const open = () => {
    socket = {
      type: 'open',
      generation,
      send: (text: string) => {
        written.push({ ...(JSON.parse(text) as { action: string; params: unknown; echo: string }), text });
        return true;
      },
    };
    caller.opened(socket);
  };
  const link: CallLink = {
    hold: () => {
      holds++;
      let done = false;
      return {
        unsubscribe: () => {
          if (!done) holds--;
          done = true;
        },
      };
    },
    socket: () => socket,
    closedError: () => closed,
  };
  const caller = createCaller(
    callerDeps({
      catalogue,
      link: () => link,
      scheduler,
      strictResults: options.strict ?? false,
      report: (e) => reported.push(e),
      fatal: (e) => fatal.push(e),
      ...(options.unsupported === undefined ? {} : { backend: profile({ name: 'lagrange', unsupported: options.unsupported }) }),
    }),
  );
  const reply = (echo: unknown, fields: Record<string, unknown> = {}) => {
    const frame = { status: 'ok', retcode: 0, data: null, message: '', wording: '', echo, ...fields };
    const text = JSON.stringify(frame);
    caller.reply({ kind: 'reply', reply: frame, text } as ReplyFrame);
  };
  const replyText = (text: string) => caller.reply({ kind: 'reply', reply: JSON.parse(text), text } as ReplyFrame);
  return {
    scheduler,
    caller,
    written,
    reported,
    fatal,
    open,
    reply,
    replyText,
    holds: () => holds,
    drop: () => {
      socket = undefined;
      caller.dropped(generation++, new Error('gone'));
    },
    close: (e: unknown) => {
      closed = e;
      caller.terminated(e);
    },
  };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

describe('createCaller', () => {
  it('sends nothing until subscribed, and one request per subscription', () => {
    const h = harness();
    h.open();
    const call$ = h.caller.call('get_status', undefined);
    expect(h.written).toHaveLength(0);
    call$.subscribe();
    call$.subscribe();
    expect(h.written.map((w) => w.action)).toEqual(['get_status', 'get_status']);
    expect(new Set(h.written.map((w) => w.echo)).size).toBe(2);
    expect(h.written[0]?.echo).toMatch(/^tag:\d+$/);
  });

  it('emits the reply data once and completes, releasing its hold and pending entry', async () => {
    const h = harness();
    h.open();
    const result = lastValueFrom(h.caller.call('get_status', {}).pipe(toArray()));
    h.reply(h.written[0]?.echo, { data: { online: true } });
    expect(await result).toEqual([{ online: true }]);
    expect(h.caller.pending).toBe(0);
    expect(h.holds()).toBe(0);
  });

  it('writes ID params with their exact digits', () => {
    const h = harness();
    h.open();
    h.caller.call('delete_msg', { message_id: 12345678901234567890n }).subscribe();
    h.caller.call('delete_msg', { message_id: '9007199254740993' }).subscribe();
    h.caller.call('delete_msg', { message_id: '42' }).subscribe();
    expect(h.written.map((w) => w.text.match(/"message_id":([^,}]+)/)?.[1])).toEqual([
      '12345678901234567890',
      '9007199254740993',
      '42',
    ]);
  });

  it('rejects invalid params before sending, naming the field', async () => {
    const h = harness();
    h.open();
    const error = await errorOf(firstValueFrom(h.caller.call('delete_msg', { message_id: 'abc' })));
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect((error as InvalidParamsError).report).toContain('message_id');
    expect(h.written).toHaveLength(0);
    expect(h.caller.pending).toBe(0);
  });

  it('fails with ActionFailedError carrying the normalised kind and the message (or msg)', async () => {
    const h = harness();
    h.open();
    const napcat = firstValueFrom(h.caller.call('get_status', {}));
    h.reply(h.written[0]?.echo, { status: 'failed', retcode: 1404, message: 'no such action' });
    const error = (await errorOf(napcat)) as ActionFailedError;
    expect(error).toBeInstanceOf(ActionFailedError);
    expect([error.kind, error.retcode, error.message, error.echo]).toEqual([
      'unknown-action',
      1404,
      'get_status failed (retcode 1404, unknown-action): no such action',
      h.written[0]?.echo,
    ]);
    const gocq = firstValueFrom(h.caller.call('get_status', {}));
    h.reply(h.written[1]?.echo, { status: 'failed', retcode: 100, message: undefined, msg: 'bad params' });
    const e2 = (await errorOf(gocq)) as ActionFailedError;
    expect([e2.kind, e2.wording, e2.message.endsWith('bad params')]).toEqual(['invalid-params', '', true]);
  });

  it('times out with sent: true when the request went out but no reply came', async () => {
    const h = harness();
    h.open();
    const result = errorOf(firstValueFrom(h.caller.call('get_status', {}, { timeout: 50 })));
    h.scheduler.flush();
    const error = (await result) as ActionTimeoutError;
    expect(error).toBeInstanceOf(ActionTimeoutError);
    expect([error.sent, error.timeout, h.caller.pending]).toEqual([true, 50, 0]);
  });

  it('waits for a socket, then writes once; times out with sent: false if none opens', async () => {
    const h = harness();
    const waited = firstValueFrom(h.caller.call('get_status', {}));
    expect(h.written).toHaveLength(0);
    h.open();
    expect(h.written).toHaveLength(1);
    h.reply(h.written[0]?.echo, { data: { online: false } });
    expect(await waited).toEqual({ online: false });

    const h2 = harness();
    const never = errorOf(firstValueFrom(h2.caller.call('get_status', {}, { timeout: 10 })));
    h2.scheduler.flush();
    expect(((await never) as ActionTimeoutError).sent).toBe(false);
    h2.open();
    expect(h2.written).toHaveLength(0);
  });

  it('fails calls sent on a dropped socket at once, and keeps unsent ones waiting', async () => {
    const h = harness();
    h.open();
    const sent = errorOf(firstValueFrom(h.caller.call('get_status', {})));
    h.drop();
    const error = (await sent) as DisconnectedError;
    expect(error).toBeInstanceOf(DisconnectedError);
    expect([error.sent, error.action]).toEqual([true, 'get_status']);
    const later = firstValueFrom(h.caller.call('get_status', {}));
    h.open();
    expect(h.written).toHaveLength(2);
    h.reply(h.written[1]?.echo, { data: { online: true } });
    expect(await later).toEqual({ online: true });
  });

  it('drops a late reply quietly and reports a foreign echo', () => {
    const h = harness();
    h.open();
    const sub = h.caller.call('get_status', {}).subscribe();
    sub.unsubscribe();
    h.reply(h.written[0]?.echo, { data: { online: true } });
    expect(h.reported).toEqual([]);
    h.reply('someone-else:1');
    expect(h.reported[0]).toBeInstanceOf(ProtocolError);
    expect(h.caller.pending).toBe(0);
  });

  it('writes the frame text as JSON.stringify would, for any action name, tag or params', () => {
    const h = harness();
    h.open();
    h.caller.call('get_status', undefined).subscribe();
    h.caller.call('we"ird\\name', { a: [1, 'x'] }, undefined, true).subscribe();
    h.caller.call('no_params', () => undefined, undefined, true).subscribe();
    expect(h.written.map((w) => w.text)).toEqual([
      JSON.stringify({ action: 'get_status', params: {}, echo: 'tag:1' }),
      JSON.stringify({ action: 'we"ird\\name', params: { a: [1, 'x'] }, echo: 'tag:2' }),
      JSON.stringify({ action: 'no_params', params: () => undefined, echo: 'tag:3' }),
    ]);
  });

  it('routes only the exact echo it wrote: a look-alike (leading zero, sign, spaces, other tag) answers no call', () => {
    const h = harness();
    h.open();
    const values: unknown[] = [];
    h.caller.call('get_status', {}).subscribe((v) => values.push(v));
    expect(h.written[0]?.echo).toBe('tag:1');
    for (const echo of ['tag:01', 'tag:+1', 'tag: 1', 'tag:1 ', 'tag:1.0', 'tag:', 'tag1', 'xtag:1', 'tag:1e0']) {
      h.reply(echo, { data: { online: true } });
    }
    expect(values).toEqual([]);
    expect(h.caller.pending).toBe(1);
    h.reply('tag:1', { data: { online: false } });
    expect(values).toEqual([{ online: false }]);
  });

  it('treats an echo-less 1403 reply as a rejected token and other echo-less replies as protocol errors', () => {
    const h = harness();
    h.reply(null, { status: 'failed', retcode: 1403 });
    expect(h.fatal[0]).toBeInstanceOf(AuthError);
    h.reply('', { status: 'failed', retcode: 1400 });
    h.reply(undefined, { status: 'failed', retcode: 1400 });
    expect(h.reported.map((e) => (e as Error).name)).toEqual(['ProtocolError', 'ProtocolError']);
  });

  it('delivers a result that fails its codec and reports a DecodeError (strictResults fails it)', async () => {
    const h = harness();
    h.open();
    const lenient = firstValueFrom(h.caller.call('get_status', {}));
    h.reply(h.written[0]?.echo, { data: { online: 'yes' } });
    expect(await lenient).toEqual({ online: 'yes' });
    expect(h.reported[0]).toBeInstanceOf(DecodeError);
    expect((h.reported[0] as DecodeError).action).toBe('get_status');

    const s = harness({ strict: true });
    s.open();
    const strict = errorOf(firstValueFrom(s.caller.call('get_status', {})));
    s.reply(s.written[0]?.echo, { data: { online: 'yes' } });
    expect(await strict).toBeInstanceOf(DecodeError);
  });

  it('reads 64-bit IDs in results losslessly', async () => {
    const h = harness();
    h.open();
    const login = firstValueFrom(h.caller.call('get_login_info', {}));
    const echo = h.written[0]?.echo;
    h.replyText(`{"status":"ok","retcode":0,"data":{"user_id":12345678901234567890,"nickname":"bot"},"echo":"${echo}"}`);
    expect(await login).toEqual({ user_id: '12345678901234567890', nickname: 'bot' });
  });

  it('reads 64-bit IDs in raw (uncatalogued) results losslessly too', async () => {
    const h = harness();
    h.open();
    const result = firstValueFrom(h.caller.call('get_whatever', {}, undefined, true));
    const echo = h.written[0]?.echo;
    h.replyText(`{"status":"ok","retcode":0,"data":{"message_id":7302198374920198997,"small":5,"list":[12345678901234567890]},"echo":"${echo}"}`);
    expect(await result).toEqual({ message_id: '7302198374920198997', small: 5, list: ['12345678901234567890'] });
  });

  it('answers _async variants with undefined whether the server says async or ok', async () => {
    const h = harness();
    h.open();
    const a = firstValueFrom(h.caller.call('get_status_async', {}));
    h.reply(h.written[0]?.echo, { status: 'async', retcode: 1 });
    const b = firstValueFrom(h.caller.call('get_status_rate_limited', {}));
    h.reply(h.written[1]?.echo, { data: { online: true } });
    expect([await a, await b]).toEqual([undefined, undefined]);
    expect(h.written.map((w) => w.action)).toEqual(['get_status_async', 'get_status_rate_limited']);
  });

  it('fails fast on actions the backend is known not to support, unless forced', async () => {
    const h = harness({ unsupported: ['send_group_sign'] });
    h.open();
    const error = await errorOf(firstValueFrom(h.caller.call('send_group_sign', { group_id: 1 })));
    expect(error).toBeInstanceOf(UnsupportedActionError);
    h.caller.call('send_group_sign', { group_id: 1 }, { force: true }).subscribe();
    expect(h.written.map((w) => w.action)).toEqual(['send_group_sign']);
  });

  it('keeps a stream call open across frames until the response frame', async () => {
    const h = harness();
    h.open();
    const frames = lastValueFrom(h.caller.call('download_file_stream', { file: 'x' }).pipe(toArray()));
    const echo = h.written[0]?.echo;
    h.reply(echo, { data: { type: 'stream', data_type: 'file_info' } });
    h.reply(echo, { data: { type: 'stream', data_type: 'file_chunk', index: 0 } });
    h.reply(echo, { data: { type: 'response', data_type: 'file_complete' } });
    expect((await frames).map((f) => (f as { data_type: string }).data_type)).toEqual([
      'file_info',
      'file_chunk',
      'file_complete',
    ]);
  });

  it('fails every call with the terminal error and refuses new ones', async () => {
    const h = harness();
    h.open();
    const pending = errorOf(firstValueFrom(h.caller.call('get_status', {})));
    const closed = new Error('closed');
    h.close(closed);
    expect(await pending).toBe(closed);
    expect(await errorOf(firstValueFrom(h.caller.call('get_status', {})))).toBe(closed);
  });

  it('leaves no pending entry, hold or timer after 10,000 subscribe/unsubscribe cycles', () => {
    const h = harness();
    h.open();
    for (let i = 0; i < 10_000; i++) h.caller.call('get_status', {}).subscribe().unsubscribe();
    const waiting = harness();
    for (let i = 0; i < 10_000; i++) waiting.caller.call('get_status', {}).subscribe().unsubscribe();
    expect([h.caller.pending, h.holds(), waiting.caller.pending, waiting.holds()]).toEqual([0, 0, 0, 0]);
    h.close(new Error('closed'));
    expect(h.scheduler.actions.filter((a) => !a.closed)).toHaveLength(0);
    waiting.open();
    expect(waiting.written).toHaveLength(0);
  });
});

describe('64-bit ID params for servers that round bare integers', () => {
  it('writes unsafe IDs as JSON strings when asked, and leaves safe ones as numbers', () => {
    const written: string[] = [];
    const caller = createCaller(
      callerDeps({
        catalogue,
        link: () => ({
          hold: () => ({ unsubscribe: () => undefined }),
          socket: () => ({ type: 'open', generation: 1, send: (text: string) => written.push(text) > 0 }),
          closedError: () => undefined,
        }),
        scheduler: new VirtualTimeScheduler(),
        tag: 't',
        backend: profile({ name: 'napcat', unsafeIdsAsStrings: true }),
      }),
    );
    caller.call('delete_msg', { message_id: 12345678901234567890n }).subscribe();
    caller.call('delete_msg', { message_id: '77' }).subscribe();
    expect(written.map((w) => w.match(/"message_id":([^,}]+)/)?.[1])).toEqual(['"12345678901234567890"', '77']);
  });
});

describe('a socket that writes nothing', () => {
  it('leaves the call unsent and waiting, and writes it once on the next socket', async () => {
    const frames: string[] = [];
    const closing: SocketOpen = { type: 'open', generation: 7, send: () => false };
    const h = harness({ socket: closing });
    const call = firstValueFrom(h.caller.call('get_status', {}));
    h.caller.dropped(7, new Error('closing'));
    const next: SocketOpen = { type: 'open', generation: 8, send: (text) => frames.push(text) > 0 };
    h.caller.opened(next);
    expect(frames).toHaveLength(1);
    const { echo } = JSON.parse(frames[0] as string) as { echo: string };
    h.caller.reply({ kind: 'reply', reply: { status: 'ok', retcode: 0, data: { online: true }, echo }, text: '' });
    expect(await call).toEqual({ online: true });
  });
});
