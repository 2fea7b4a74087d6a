import fc from 'fast-check';
import type * as t from 'io-ts';
import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/action/catalogue';
import type { ActionDef } from '../../src/action/define';
import { decodeFrame } from '../../src/codec/frame';
import { DecodeError, ProtocolError, isInvalidParamsError } from '../../src/index';
import { sampleOf } from '../../src/testing/index';
import { SAMPLE_EVENTS, sampleGroupMessage } from '../fixtures/events';
import { connected } from '../client/harness';

const isDecodeResult = (r: ReturnType<typeof decodeFrame>) =>
  r instanceof DecodeError || r instanceof ProtocolError || ['event', 'unknown-event', 'reply'].includes(r.kind);

const POST_TYPES = ['message', 'message_sent', 'notice', 'request', 'meta_event'];

/** Known events with one field replaced by arbitrary JSON, and plausible-looking frames. */
const eventLike = fc.oneof(
  fc.tuple(fc.constantFrom(...SAMPLE_EVENTS.map(([, make]) => make)), fc.string(), fc.jsonValue()).map(([make, key, value]) => {
    const event = make() as unknown as Record<string, unknown>;
    const keys = Object.keys(event);
    event[keys[key.length % keys.length]!] = value;
    return event;
  }),
  fc.record({
    post_type: fc.constantFrom(...POST_TYPES),
    message_type: fc.constantFrom('group', 'private', 'x'),
    notice_type: fc.constantFrom('notify', 'group_increase', 'friend_add'),
    sub_type: fc.string(),
    time: fc.jsonValue(),
    self_id: fc.jsonValue(),
    user_id: fc.jsonValue(),
    message: fc.oneof(fc.string(), fc.jsonValue()),
  }),
  fc.record({ status: fc.jsonValue(), retcode: fc.jsonValue(), echo: fc.jsonValue(), data: fc.jsonValue() }, { requiredKeys: [] }),
);

/** Arbitrary text frames: any string, any JSON, JSON with 64-bit integers, and near-events. */
const frameText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.json(),
  eventLike.map((e) => JSON.stringify(e)),
  eventLike.map((e) => JSON.stringify(e).replace(/"user_id":\d+/, '"user_id":123456789012345678901234567890')),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
);

describe('decodeFrame under fuzzing', () => {
  it('never throws on arbitrary strings, and returns a frame or a typed error', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => isDecodeResult(decodeFrame(text))), { numRuns: 2_000 });
  });

  it('never throws on arbitrary JSON, near-events and replies, and explains every rejection', () => {
    fc.assert(
      fc.property(frameText, (text) => {
        const result = decodeFrame(text);
        expect(isDecodeResult(result)).toBe(true);
        if (result instanceof Error) expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 3_000 },
    );
  });

  it('never throws on deeply nested JSON, in a frame or inside a known event', () => {
    const depth = 50_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const event = JSON.stringify({ ...sampleGroupMessage(), message: 0 }).replace('"message":0', `"message":${deep}`);
    const kinds = [deep, event].map((text) => {
      const result = decodeFrame(text);
      return result instanceof Error ? result.name : result.kind;
    });
    expect(kinds).toEqual(['ProtocolError', 'DecodeError']);
  });
});

describe('malformed frames through a real client', () => {
  it('land on errors$, one error per frame carrying its text, while the streams go on', async () => {
    const { sim, client } = await connected();
    const received: unknown[] = [];
    client.errors$.subscribe((e) => received.push(e));
    client.connect();
    await sim.waitForConnection();
    const malformed = fc.sample(
      frameText.filter((text) => decodeFrame(text) instanceof Error),
      { numRuns: 300, seed: 7 },
    );
    for (const text of malformed) await sim.sendRaw(text);
    const sentinel = firstValueFrom(client.groupMessages$);
    await sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'sentinel' }));
    await sentinel;
    expect(received).toHaveLength(malformed.length);
    expect(received.map((e) => (e as DecodeError | ProtocolError).raw)).toEqual(malformed);
    expect((await firstValueFrom(client.state$)).status).toBe('open');
  });
});

type Row = readonly [name: string, def: ActionDef];
const ROWS = Object.entries(CATALOGUE as unknown as Record<string, ActionDef>) as Row[];

const propsOf = (codec: t.Mixed): t.Props | undefined =>
  (codec as { _tag?: string })._tag === 'InterfaceType' ? (codec as unknown as t.InterfaceType<t.Props>).props : undefined;

/** Rows with object params whose sampled value passes: the ones key-level mutations can be checked on. */
const CHECKABLE = ROWS.flatMap(([name, def]) => {
  const props = propsOf(def.params);
  const valid = sampleOf(def.params) as Record<string, unknown>;
  return props !== undefined && def.params.is(valid) ? [{ name, def, props, valid }] : [];
});
const WITH_REQUIRED = CHECKABLE.filter(({ props }) => Object.values(props).some((c) => !c.is(undefined)));
const WITH_IDS = CHECKABLE.filter(({ props }) => Object.values(props).some((c) => c.name === 'IdParam'));

/** Values NapCat refuses where an ID goes: words, fractions, non-finite numbers, objects, booleans, null. */
const notAnId = fc.oneof(
  fc.string().filter((s) => !/^-?\d+$/.test(s)),
  fc.double().filter((n) => !Number.isSafeInteger(n)),
  fc.constantFrom(Number.NaN, Infinity, 2 ** 60, true, false, null, {}, [], [1]),
  fc.dictionary(fc.string(), fc.jsonValue()),
);

describe('action param codecs reject what NapCat would reject', () => {
  it('covers a broad sample of the catalogue', () => {
    expect(ROWS.length).toBeGreaterThan(100);
    expect(CHECKABLE.length / ROWS.length).toBeGreaterThan(0.8);
    expect(WITH_REQUIRED.length).toBeGreaterThan(50);
    expect(WITH_IDS.length).toBeGreaterThan(50);
  });

  it('rejects params missing any required field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WITH_REQUIRED), fc.nat(), ({ def, props, valid }, pick) => {
        const required = Object.keys(props).filter((key) => !props[key]!.is(undefined));
        const key = required[pick % required.length]!;
        const { [key]: _removed, ...rest } = valid;
        expect(def.params.is(rest)).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('rejects a wrong ID type in any ID field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WITH_IDS), fc.nat(), notAnId, ({ def, props, valid }, pick, bad) => {
        const ids = Object.keys(props).filter((key) => props[key]!.name === 'IdParam');
        const key = ids[pick % ids.length]!;
        expect(def.params.is({ ...valid, [key]: bad })).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('rejects a params value that is not an object at all', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHECKABLE), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.nat())), ({ def }, bad) => {
        expect(def.params.is(bad)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('sends nothing for rejected params through a real client, and names the field', async () => {
    const { sim, client } = await connected();
    const rows = fc.sample(fc.constantFrom(...WITH_IDS), { numRuns: 40, seed: 11 });
    for (const { name, props, valid } of rows) {
      const key = Object.keys(props).find((k) => props[k]!.name === 'IdParam')!;
      const error = await firstValueFrom(client.callApi(name, { ...valid, [key]: 'alice' })).catch((e: unknown) => e);
      expect(isInvalidParamsError(error)).toBe(true);
      expect((error as Error).message).toContain(key);
    }
    await firstValueFrom(client.getLoginInfo());
    const calls = await firstValueFrom(sim.calls$.pipe(take(1), toArray()));
    expect(calls.map((c) => c.action)).toEqual(['get_login_info']);
  });
});
