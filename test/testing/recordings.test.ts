import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filter, firstValueFrom, merge, take, toArray, type Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, type OneBotEvent, type UnknownEvent, isDecodeError } from '../../src/index';
import { parseRecording, recordFrames, recordingLine, redactFrame, type Simulator } from '../../src/testing/index';
import { RecordedAnswers } from '../../src/testing/simulator/replay';
import { connected } from '../client/harness';

const FIXTURES = join(import.meta.dirname, '../fixtures/recordings');
/** The account of every recorded session (the simulator's own lifecycle event has another self_id). */
const RECORDED_SELF = 3_889_001_234;
const TINY_ID = '144115218676630990';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop() as string, { recursive: true, force: true });
});
const tempFile = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'onebot-rx-rec-'));
  dirs.push(dir);
  return join(dir, name);
};

type AnyEvent = OneBotEvent | UnknownEvent;

/** Every event (known or not) from the recorded account, the first `n` of them. */
function recorded(client: Client, n: number): Promise<AnyEvent[]> {
  const all: Observable<AnyEvent> = merge(client.events$, client.unknownEvents$);
  return firstValueFrom(all.pipe(filter((e) => (e as { self_id?: unknown }).self_id === RECORDED_SELF), take(n), toArray()));
}

/** Replays `file` into `client`; resolves with the recorded account's `n` events (default: every replayed frame). */
async function replayInto(sim: Simulator, client: Client, file: string, n?: number) {
  const errors: unknown[] = [];
  client.errors$.subscribe((e) => errors.push(e));
  client.connect();
  await sim.waitForConnection();
  const replayed = parseRecording(readFileSync(file, 'utf8')).filter((f) => f.kind !== 'reply').length;
  const events = recorded(client, n ?? replayed);
  expect(await sim.replay(file)).toBe(replayed);
  return { events: await events, errors };
}

const pick = (e: AnyEvent): string =>
  [e.post_type, (e as Record<string, unknown>)['message_type'] ?? (e as Record<string, unknown>)['notice_type'] ?? (e as Record<string, unknown>)['request_type'] ?? (e as Record<string, unknown>)['meta_event_type']].join('.');

describe('shipped recordings replay through a client without a DecodeError', () => {
  it('napcat-group.jsonl: message, message_sent, notices, request, and an unknown notice with a 64-bit ID', async () => {
    const { sim, client } = await connected({}, { backend: 'napcat' });
    const unknown: UnknownEvent[] = [];
    client.unknownEvents$.subscribe((e) => unknown.push(e));
    const { events, errors } = await replayInto(sim, client, join(FIXTURES, 'napcat-group.jsonl'));
    expect(errors).toStrictEqual([]);
    expect(events.map(pick)).toStrictEqual([
      'meta_event.lifecycle', 'meta_event.heartbeat', 'message.group', 'message_sent.group', 'notice.group_increase',
      'notice.notify', 'notice.group_msg_emoji_like', 'request.friend', 'notice.bot_future_notice',
    ]);
    expect(events[2]).toMatchObject({ message: [{ type: 'reply' }, { type: 'at', data: { qq: '3889001234' } }, { type: 'text' }, { type: 'face' }] });
    expect(unknown.map((e) => e['file_set_id'])).toStrictEqual([TINY_ID]);
  });

  it('go-cqhttp-guild.jsonl: string-format messages parsed, guild message and reaction notice with exact 64-bit IDs', async () => {
    const { sim, client } = await connected({}, { backend: 'go-cqhttp' });
    const { events, errors } = await replayInto(sim, client, join(FIXTURES, 'go-cqhttp-guild.jsonl'));
    expect(errors).toStrictEqual([]);
    expect(events.map(pick)).toStrictEqual([
      'meta_event.lifecycle', 'message.private', 'message.group', 'message.guild', 'notice.message_reactions_updated',
      'notice.group_upload', 'meta_event.heartbeat',
    ]);
    expect(events[1]).toMatchObject({ message: [{ type: 'face', data: { id: '14' } }, { type: 'text', data: { text: '你好 [不是CQ码]' } }] });
    expect(events[3]).toMatchObject({ guild_id: '49857441636955271', user_id: TINY_ID, sender: { user_id: TINY_ID } });
    expect(events[4]).toMatchObject({ user_id: TINY_ID, operator_id: TINY_ID });
    expect((events[5] as { file: { url: string } }).file.url).toBe('https://example.invalid/f?access_token=[redacted]');
  });

  it('lagrange-notices.jsonl: comment null, reaction, group_name_change, bot_offline without user_id, bot_online', async () => {
    const { sim, client } = await connected({}, { backend: 'lagrange' });
    const { events, errors } = await replayInto(sim, client, join(FIXTURES, 'lagrange-notices.jsonl'));
    expect(errors).toStrictEqual([]);
    expect(events.map(pick)).toStrictEqual([
      'meta_event.lifecycle', 'message.group', 'request.group', 'notice.reaction', 'notice.group_name_change',
      'notice.bot_offline', 'notice.bot_online',
    ]);
    expect(events[2]).toMatchObject({ comment: null, flag: '1718000000123' });
  });
});

describe('recordFrames → sim.replay: a session becomes a regression test', () => {
  const BIG = '{"time":1718000000,"self_id":3889001234,"post_type":"notice","notice_type":"group_upload","group_id":782364110,"user_id":12345678901234567890,"file":{"id":"/f","name":"a","size":1,"busid":102,"url":"http://h/f?x=1&access_token=s3cret"}}';
  const BROKEN = '{"time":1718000000,"self_id":3889001234,"post_type":"message","message_type":"group","sub_type":"normal","message_id":1,"group_id":"not-a-number","user_id":1,"message":[],"raw_message":"","font":0,"sender":{}}';

  it('records every inbound frame exactly (64-bit digits kept), tokens redacted; the replay decodes to the same events and the same DecodeError', async () => {
    const file = tempFile('session.jsonl');
    const first = await connected({}, { backend: 'napcat' });
    const seenErrors: unknown[] = [];
    first.client.errors$.subscribe((e) => seenErrors.push(e));
    const recording = recordFrames(first.client, file);
    await first.sim.waitForConnection();
    const seen = recorded(first.client, 1);
    await firstValueFrom(first.client.api.get_csrf_token());
    await first.sim.sendRaw(BROKEN);
    await first.sim.sendRaw(BIG);
    const [original] = await seen;
    await recording.stop();

    const lines = parseRecording(readFileSync(file, 'utf8'));
    expect(lines.map((l) => l.kind)).toStrictEqual(['event', 'reply', 'invalid', 'event']);
    expect(recording.count).toBe(4);
    expect(lines[1]?.frame).toMatch(/"token":"\[redacted\]"/);
    expect(lines[3]?.frame).toBe(BIG.replace('access_token=s3cret', 'access_token=[redacted]'));
    expect(readFileSync(file, 'utf8')).not.toMatch(/s3cret/);
    expect(seenErrors.filter(isDecodeError)).toHaveLength(1);

    const second = await connected({}, { backend: 'napcat' });
    const { events, errors } = await replayInto(second.sim, second.client, file, 1);
    expect(events).toStrictEqual([{ ...original, file: { ...(original as { file: object }).file, url: 'http://h/f?x=1&access_token=[redacted]' } }]);
    expect(events[0]).toMatchObject({ user_id: '12345678901234567890' });
    expect(errors.filter(isDecodeError).map((e) => e.raw)).toStrictEqual([BROKEN]);
  });

  it('replies: false leaves replies out; the file is replaced unless append', async () => {
    const file = tempFile('events.jsonl');
    const { sim, client } = await connected({}, { backend: 'napcat' });
    const one = recordFrames(client, file, { replies: false });
    await sim.waitForConnection();
    await firstValueFrom(client.api.get_login_info());
    const seen = recorded(client, 1);
    await sim.sendRaw(BIG);
    await seen;
    await one.stop();
    expect(parseRecording(readFileSync(file, 'utf8')).map((l) => l.kind)).not.toContain('reply');
    const two = recordFrames(client, file, { append: true });
    const again = recorded(client, 1);
    await sim.sendRaw(BIG);
    await again;
    await two.stop();
    const kinds = parseRecording(readFileSync(file, 'utf8')).map((l) => l.kind);
    expect(kinds.length).toBeGreaterThan(two.count);
    expect(two.count).toBe(1);
  });

  it('calls: true records the request frames; the replay answers the same calls once with the recorded replies', async () => {
    const file = tempFile('calls.jsonl');
    const first = await connected({}, { backend: 'napcat', selfId: 10000 });
    const recording = recordFrames(first.client, file, { calls: true });
    await first.sim.waitForConnection();
    await firstValueFrom(first.client.api.get_login_info());
    await firstValueFrom(first.client.api.get_group_member_info({ group_id: 300001, user_id: 20002 }));
    await recording.stop();
    const lines = parseRecording(readFileSync(file, 'utf8'));
    // the simulator's lifecycle event may come before or after the first call is written
    expect(lines.map((l) => `${l.dir}:${l.kind}`).filter((k) => k !== 'in:event')).toStrictEqual(['out:call', 'in:reply', 'out:call', 'in:reply']);

    const second = await connected({}, { backend: 'napcat', selfId: 99999 });
    second.client.connect();
    await second.sim.waitForConnection();
    await second.sim.replay(file);
    // params in another key order still match; the recorded account answers once, then the world does
    expect(await firstValueFrom(second.client.api.get_group_member_info({ user_id: 20002, group_id: 300001 }))).toMatchObject({ user_id: 20002 });
    expect((await firstValueFrom(second.client.api.get_login_info())).user_id).toBe(10000);
    expect((await firstValueFrom(second.client.api.get_login_info())).user_id).toBe(99999);
  });

  it('sim.replay rejects when no client is connected', async () => {
    const { sim } = await connected({}, {});
    await expect(sim.replay(join(FIXTURES, 'lagrange-notices.jsonl'))).rejects.toThrow(/no client/);
  });
});

describe('RecordedAnswers', () => {
  it('answers by action and params, echo replaced, every other byte (64-bit IDs) kept', () => {
    const answers = new RecordedAnswers();
    answers.add(parseRecording([
      recordingLine('call', '{"action":"get_stranger_info","params":{"user_id":1},"echo":"ab:7"}'),
      recordingLine('reply', '{"status":"ok","retcode":0,"data":{"user_id":12345678901234567890,"echo":"ab:7"},"echo":"ab:7"}'),
    ].join('\n')));
    expect(answers.take('get_stranger_info', { user_id: 2 }, 'x')).toBeUndefined();
    expect(answers.take('get_stranger_info', { user_id: 1 }, 'cd:1')).toStrictEqual([
      '{"status":"ok","retcode":0,"data":{"user_id":12345678901234567890,"echo":"ab:7"},"echo":"cd:1"}',
    ]);
    expect(answers.take('get_stranger_info', { user_id: 1 }, 'cd:2')).toBeUndefined();
  });
});

describe('redactFrame', () => {
  it.each([
    ['{"token":"abc","n":1}', '{"token":"[redacted]","n":1}'],
    ['{"data":{"csrf_token":123456789,"cookies":"skey=@x"}}', '{"data":{"csrf_token":"[redacted]","cookies":"[redacted]"}}'],
    ['{"url":"ws://h:1/?access_token=abc&x=1"}', '{"url":"ws://h:1/?access_token=[redacted]&x=1"}'],
    ['{"headers":"Authorization: Bearer abc\\r\\nX: y"}', '{"headers":"Authorization: [redacted]\\r\\nX: y"}'],
    ['{"user_id":12345678901234567890,"text":"tokens"}', '{"user_id":12345678901234567890,"text":"tokens"}'],
  ])('%s', (input, output) => {
    expect(redactFrame(input)).toBe(output);
  });
});
