/** The one object-codec factory behind event tables, segment data and catalogue structs. */
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { GroupMemberInfo, optional, struct } from '../../src/action/catalogue/shared';
import { lean } from '../../src/codec/event/lean';
import { Id, IdParam } from '../../src/codec/id';
import { objectCodec } from '../../src/codec/object';
import { reportErrors } from '../../src/codec/report';
import { ImageSegment } from '../../src/codec/segment';

const Card = objectCodec<{ id: number; note?: string }>('Card', [
  { key: 'id', codec: t.number, optional: false },
  { key: 'note', codec: t.string, optional: true, nullIsAbsent: true },
]);

function errorsOf(codec: t.Mixed, u: unknown): string {
  const result = codec.decode(u);
  return result._tag === 'Left' ? reportErrors(result.left) : 'ok';
}

describe('objectCodec', () => {
  it('returns the very object it was given, extra fields kept', () => {
    const input = { id: 1, extra: true };
    const result = Card.decode(input);
    expect(result._tag === 'Right' && result.right).toBe(input);
  });

  it('agrees with .is() on absent, null-as-absent and wrong fields', () => {
    const cases = [{ id: 1 }, { id: 1, note: null }, { id: 1, note: 'x' }, { id: '1' }, { note: 'x' }, [], null, 'x'];
    expect(cases.map((u) => Card.is(u))).toEqual(cases.map((u) => Card.decode(u)._tag === 'Right'));
    expect(cases.map((u) => Card.is(u))).toEqual([true, true, true, false, false, false, false, false]);
  });

  it('reports every failing field with its path, and a non-object with the given message', () => {
    expect(errorsOf(Card, { id: 'x', note: 5 })).toBe('Card.id: expected number, got "x"\nCard.note: expected string, got 5');
    const Named = objectCodec('Named', [], { notObject: 'Named must be an object' });
    expect(errorsOf(Named, 42)).toBe('Named: expected Named, got 42 — Named must be an object');
  });

  it('builds the event tables, the segment data tables and the catalogue structs alike', () => {
    const Sender = lean({ user_id: Id }, { card: t.string }, 'Sender');
    const Ban = struct({ group_id: IdParam, duration: optional(t.number) }, 'Ban');
    const sender = { user_id: 1 };
    const ban = { group_id: 1 };
    const image = { type: 'image', data: { file: 'a.png', url: null } };
    for (const [codec, value] of [[Sender, sender], [Ban, ban], [ImageSegment, image]] as const) {
      const result = (codec as t.Mixed).decode(value);
      expect(result._tag === 'Right' && result.right).toBe(value);
    }
    expect(errorsOf(Ban, { group_id: 'x', duration: 'long' })).toContain('Ban.duration: expected number, got "long"');
    expect(Ban.encode({ group_id: '12345678901234567890' }).group_id).not.toBe('12345678901234567890');
  });

  it('decodes catalogue results without copying (no absent optional keys filled in)', () => {
    const reply = { group_id: 1, user_id: 2, nickname: 'n', role: 'member' };
    const result = GroupMemberInfo.decode(reply);
    expect(result._tag === 'Right' && result.right).toBe(reply);
  });
});
