import { describe, expect, it } from 'vitest';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { GroupMessageEvent, GroupUploadNotice, HeartbeatEvent } from '../../../src/codec/event';
import { reportErrors } from '../../../src/codec/report';
import { sampleGroupMessage, sampleGroupUpload, sampleHeartbeat } from '../../fixtures/events';

function reportOf(codec: t.Decoder<unknown, unknown>, value: unknown): string {
  const result = codec.decode(value);
  if (!isLeft(result)) throw new Error('expected the value to fail');
  return reportErrors(result.left);
}

describe('reportErrors', () => {
  it('names the codec, the field, the expected type and the received value', () => {
    const report = reportOf(GroupMessageEvent, { ...sampleGroupMessage(), message_id: 'abc' });
    expect(report).toBe('GroupMessageEvent.message_id: expected Id, got "abc"');
  });

  it('gives the path into nested objects and arrays', () => {
    const frame = { ...sampleGroupMessage(), sender: { user_id: 1, nickname: 5 }, message: [{ type: 'text', data: 1 }] };
    const report = reportOf(GroupMessageEvent, frame);
    expect(report).toContain('GroupMessageEvent.sender.nickname: expected string, got 5');
    expect(report).toMatch(/^GroupMessageEvent\.message\.0\.data: expected \w+, got 1/m);
  });

  it('reports a missing field as undefined', () => {
    const { raw_message: _dropped, ...frame } = sampleGroupMessage();
    expect(reportOf(GroupMessageEvent, frame)).toBe('GroupMessageEvent.raw_message: expected string, got undefined');
  });

  it('includes the Id codec’s explanation for a rounded 64-bit number', () => {
    const report = reportOf(GroupUploadNotice, { ...sampleGroupUpload(), group_id: 2 ** 64 });
    expect(report).toMatch(/^GroupUploadNotice\.group_id: expected Id, got 18446744073709552000 — a safe integer/);
  });

  it('lists the alternatives of a union once, on one line', () => {
    const report = reportOf(GroupMessageEvent, { ...sampleGroupMessage(), sender: { user_id: 1, nickname: 'n', level: true } });
    expect(report).toBe('GroupMessageEvent.sender.level: expected string or number, got true');
  });

  it('reports a value that is not an object at the root', () => {
    expect(reportOf(HeartbeatEvent, 42)).toBe('HeartbeatEvent: expected HeartbeatEvent, got 42');
  });

  it('gives one line per failing field', () => {
    const frame = { ...sampleHeartbeat(), interval: '30s', status: { good: 'yes' } };
    expect(reportOf(HeartbeatEvent, frame).split('\n')).toStrictEqual([
      'HeartbeatEvent.status.good: expected boolean, got "yes"',
      'HeartbeatEvent.interval: expected number, got "30s"',
    ]);
  });

  it('shortens long values and caps the number of lines', () => {
    const wide = t.type(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, t.number])), 'Wide');
    const report = reportOf(wide, { f0: 'x'.repeat(200) });
    const lines = report.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]?.length).toBeLessThan(120);
    expect(lines[0]).toMatch(/…$/);
    expect(lines[20]).toBe('… and 10 more');
  });
});
