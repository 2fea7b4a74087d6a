import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCq, toCq } from '../../../src/testing/simulator/cq';
import { ParamError, readParams } from '../../../src/testing/simulator/params';

describe('the CQ serializer', () => {
  it('escapes text and parameter values the OneBot 11 way', () => {
    expect(toCq([{ type: 'text', data: { text: 'a&b [c], d' } }])).toBe('a&amp;b &#91;c&#93;, d');
    expect(toCq([{ type: 'image', data: { file: 'x,y[1].png', summary: undefined } }])).toBe('[CQ:image,file=x&#44;y&#91;1&#93;.png]');
  });

  it('parses CQ text into segments with unescaped values', () => {
    expect(fromCq('hi &#91;[CQ:at,qq=123]!&amp;[CQ:face,id=1,name=a&#44;b]')).toStrictEqual([
      { type: 'text', data: { text: 'hi [' } },
      { type: 'at', data: { qq: '123' } },
      { type: 'text', data: { text: '!&' } },
      { type: 'face', data: { id: '1', name: 'a,b' } },
    ]);
  });

  it('round-trips any text through toCq and fromCq', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const trimmed = text.trim();
        fc.pre(trimmed !== '' && trimmed === text);
        expect(fromCq(toCq([{ type: 'text', data: { text } }]))).toStrictEqual([{ type: 'text', data: { text } }]);
      }),
    );
  });
});

describe('readParams', () => {
  it('converts numeric strings, boolean strings and CQ messages', () => {
    expect(
      readParams(
        { group_id: '12', duration: '60', enable: 'false', message: 'hi', note: 5 },
        { group_id: 'id', duration: 'number', enable: 'boolean', message: 'message', note: 'string?' },
      ),
    ).toStrictEqual({ group_id: 12, duration: 60, enable: false, message: [{ type: 'text', data: { text: 'hi' } }], note: '5' });
  });

  it('reports every problem in one ParamError', () => {
    const read = () => readParams({ user_id: 'me', enable: 3 }, { group_id: 'id', user_id: 'id', enable: 'boolean?' });
    expect(read).toThrow(ParamError);
    expect(read).toThrow(
      'Key: group_id, Message: Expected required property\nKey: user_id, Message: Expected string\nKey: enable, Message: Expected boolean',
    );
  });
});
