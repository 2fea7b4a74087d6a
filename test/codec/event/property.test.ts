import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { eventCodecFor } from '../../../src/codec/event';
import { reportErrors } from '../../../src/codec/report';
import { SAMPLE_EVENTS } from '../../fixtures/events';

const discriminant = (values: string[]) => fc.oneof(fc.constantFrom(...values), fc.string(), fc.jsonValue());

/** Objects whose discriminants often hit a codec, with arbitrary other fields. */
const eventLike = fc
  .record({
    post_type: discriminant(['message', 'message_sent', 'notice', 'request', 'meta_event', 'constructor']),
    message_type: discriminant(['group', 'private']),
    notice_type: discriminant(['notify', 'group_ban', 'group_decrease', 'essence', 'group_upload']),
    request_type: discriminant(['friend', 'group']),
    meta_event_type: discriminant(['heartbeat', 'lifecycle']),
    sub_type: discriminant(['poke', 'normal', 'friend', 'ban', 'add', 'connect', '__proto__']),
    rest: fc.dictionary(fc.string(), fc.jsonValue()),
  })
  .map(({ rest, ...discriminants }) => ({ ...rest, ...discriminants }));

/** A known sample with one field replaced by an arbitrary JSON value. */
const mutatedSample = fc
  .tuple(fc.constantFrom(...SAMPLE_EVENTS), fc.nat(), fc.jsonValue())
  .map(([[, make], index, value]) => {
    const frame: Record<string, unknown> = make();
    const keys = Object.keys(frame);
    frame[keys[index % keys.length] ?? 'time'] = value;
    return frame;
  });

function check(frame: Record<string, unknown>): void {
  const codec = eventCodecFor(frame);
  if (codec === undefined || codec.is(frame)) return;
  const result = codec.decode(frame);
  expect(isLeft(result)).toBe(true);
  if (isLeft(result)) expect(reportErrors(result.left)).toMatch(/: expected /);
}

describe('eventCodecFor + .is() on arbitrary input', () => {
  it('never throws on arbitrary JSON objects', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (frame) => {
        check(frame);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on objects with plausible discriminants, and explains every rejection', () => {
    fc.assert(fc.property(eventLike, (frame) => check(frame as Record<string, unknown>)), { numRuns: 1000 });
  });

  it('never throws on known events with one field replaced, and explains every rejection', () => {
    fc.assert(fc.property(mutatedSample, check), { numRuns: 1000 });
  });

  it('agrees with .decode(): .is() passes exactly when .decode() succeeds', () => {
    fc.assert(
      fc.property(mutatedSample, (frame) => {
        const codec = eventCodecFor(frame);
        if (codec === undefined) return;
        expect(codec.is(frame)).toBe(!isLeft(codec.decode(frame)));
      }),
      { numRuns: 1000 },
    );
  });
});
