import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/codec/segment';
import { cq } from '../../src/message/cq';
import { segment } from '../../src/message/segment-builders';

const text = (value: string): Segment => ({ type: 'text', data: { text: value } });

/** Characters and fragments that CQ escaping must survive. */
const TRICKY = [
  ...['&', '[', ']', ',', '=', '&amp;', '&#91;', '&#93;', '&#44;', '&amp;#91;'],
  ...['[CQ:', '[CQ:at,qq=all]', ']]', '&&', '\n', '😀', '中文', ' '],
];
const trickyString = (minLength: number) =>
  fc.string({
    unit: fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
    minLength,
    maxLength: 12,
  });
const name = fc.stringMatching(/^[\w.-]{1,8}$/);

/** Arbitrary segments in CQ normal form: non-empty text never next to text, string values, nothing nested. */
const normalForm = fc
  .array(
    fc.oneof(
      trickyString(1).map(text),
      fc
        .record(
          {
            type: name.filter((t) => t !== 'text'),
            data: fc.dictionary(name, trickyString(0), { maxKeys: 4, noNullPrototype: true }),
          },
          { noNullPrototype: true },
        )
        .map((s) => s as Segment),
    ),
    { maxLength: 8 },
  )
  .map((segments) =>
    segments.reduce<Segment[]>((merged, s) => {
      const last = merged[merged.length - 1];
      if (s.type === 'text' && last?.type === 'text') merged[merged.length - 1] = text(last.data.text + s.data.text);
      else merged.push(s);
      return merged;
    }, []),
  );

describe('cq escaping', () => {
  it('escapes &, [ and ] in text, and , too in values', () => {
    expect(cq.escape('a&b[c]d,e')).toBe('a&amp;b&#91;c&#93;d,e');
    expect(cq.escape('a&b[c]d,e', true)).toBe('a&amp;b&#91;c&#93;d&#44;e');
  });

  it('unescapes &amp; last, so an escaped entity comes back as the entity text', () => {
    expect(cq.unescape('&#91;1&#93;&#44;&amp;')).toBe('[1],&');
    expect(cq.unescape('&amp;#91;')).toBe('&#91;');
    expect(cq.unescape('&amp;amp;')).toBe('&amp;');
  });

  it('leaves unknown entities alone when unescaping', () => {
    expect(cq.unescape('&lt;&#92;&')).toBe('&lt;&#92;&');
  });
});

describe('cq.parse', () => {
  it('splits text and codes, unescaping both', () => {
    expect(cq.parse('&#91;hi&#93; [CQ:face,id=14][CQ:image,file=a&#44;b&#93;.png,summary=x&amp;y]!')).toStrictEqual([
      text('[hi] '),
      { type: 'face', data: { id: '14' } },
      { type: 'image', data: { file: 'a,b].png', summary: 'x&y' } },
      text('!'),
    ]);
  });

  it('reads a code without params as empty data', () => {
    expect(cq.parse('[CQ:shake]')).toStrictEqual([{ type: 'shake', data: {} }]);
  });

  it('keeps "=" inside a value after the first one', () => {
    expect(cq.parse('[CQ:image,file=https://x.y/a?b=c&amp;d=e]')).toStrictEqual([
      { type: 'image', data: { file: 'https://x.y/a?b=c&d=e' } },
    ]);
  });

  it('keeps an unterminated code as text, whole', () => {
    expect(cq.parse('hello [CQ:at,qq=1')).toStrictEqual([text('hello [CQ:at,qq=1')]);
    expect(cq.parse('[CQ:')).toStrictEqual([text('[CQ:')]);
  });

  it('keeps malformed codes as text and still reads the valid code after them', () => {
    expect(cq.parse('a[CQ:at,qq][CQ:,x=1][CQ:face,=1][CQ:bad type] [CQ:x[CQ:face,id=1]b')).toStrictEqual([
      text('a[CQ:at,qq][CQ:,x=1][CQ:face,=1][CQ:bad type] [CQ:x'),
      { type: 'face', data: { id: '1' } },
      text('b'),
    ]);
  });

  it('merges a [CQ:text] code into the surrounding text', () => {
    expect(cq.parse('a[CQ:text,text=&#91;b&#93;]c')).toStrictEqual([text('a[b]c')]);
  });

  it('returns no segments for an empty string', () => {
    expect(cq.parse('')).toStrictEqual([]);
  });

  it('makes a key named __proto__ an own data field, not a prototype', () => {
    const [code] = cq.parse('[CQ:x,__proto__=1]');
    expect(Object.getPrototypeOf(code?.data)).toBe(Object.prototype);
    expect(Object.keys(code?.data ?? {})).toStrictEqual(['__proto__']);
  });

  it('never throws and always returns normal form, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(trickyString(0), fc.string({ unit: 'binary', maxLength: 40 })), (input) => {
        const segments = cq.parse(input);
        return segments.every((s, i) => s.type !== 'text' || (s.data.text !== '' && segments[i + 1]?.type !== 'text'));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back what it parsed once stringified', () => {
    fc.assert(
      fc.property(trickyString(0), (input) => {
        const once = cq.parse(input);
        expect(cq.parse(cq.stringify(once))).toStrictEqual(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on many unterminated or nested code starts', () => {
    const hostile = `${'[CQ:'.repeat(50_000)}]${'[CQ:a,'.repeat(50_000)}`;
    // real-time: a 1 s budget for a parse that takes milliseconds; a quadratic parser would take minutes
    const started = performance.now();
    const segments = cq.parse(hostile);
    expect(performance.now() - started).toBeLessThan(1_000); // real-time: see above
    expect(segments).toStrictEqual([text(hostile)]);
  });
});

describe('cq.stringify', () => {
  it('writes text escaped and codes with escaped values', () => {
    expect(cq.stringify([text('[a], b&c'), { type: 'image', data: { file: 'x,y]', summary: '[&]' } }])).toBe(
      '&#91;a&#93;, b&amp;c[CQ:image,file=x&#44;y&#93;,summary=&#91;&amp;&#93;]',
    );
  });

  it('writes numbers and booleans with String() and leaves undefined fields out', () => {
    const s = { type: 'x', data: { n: 12, f: 1.5, b: false, big: 9007199254740993n, u: undefined } };
    expect(cq.stringify([s as unknown as Segment])).toBe('[CQ:x,n=12,f=1.5,b=false,big=9007199254740993]');
  });

  it('writes builder output as CQ code', () => {
    expect(cq.stringify([segment.reply(1), segment.at('all'), segment.text(' hi'), segment.dice()])).toBe(
      '[CQ:reply,id=1][CQ:at,qq=all] hi[CQ:dice]',
    );
  });

  it('throws a TypeError on nested values', () => {
    const node = segment.node({ nickname: 'a', content: 'hi' });
    expect(() => cq.stringify([node])).toThrow(TypeError);
    expect(() => cq.stringify([{ type: 'json', data: { data: { a: 1 } } }])).toThrow(/json\.data/);
    expect(() => cq.stringify([{ type: 'x', data: { v: null } } as unknown as Segment])).toThrow(TypeError);
  });

  it('throws a TypeError on a type or key that CQ code cannot hold', () => {
    expect(() => cq.stringify([{ type: 'a,b', data: {} } as unknown as Segment])).toThrow(TypeError);
    expect(() => cq.stringify([{ type: 'x', data: { 'a=b': '1' } } as unknown as Segment])).toThrow(TypeError);
  });

  it('round-trips every segment array in normal form', () => {
    fc.assert(
      fc.property(normalForm, (segments) => {
        expect(cq.parse(cq.stringify(segments))).toStrictEqual(segments);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cq tag', () => {
  it('escapes interpolations as text, so they cannot inject codes', () => {
    const name = '[CQ:at,qq=all] & co';
    expect(cq`hello ${name} [CQ:face,id=14]`).toBe('hello &#91;CQ:at,qq=all&#93; &amp; co [CQ:face,id=14]');
    expect(cq.parse(cq`hello ${name}`)).toStrictEqual([text(`hello ${name}`)]);
  });

  it('escapes an interpolation inside a code as a value, commas included', () => {
    const url = 'https://x.y/a,b]';
    const message = cq`[CQ:image,file=${url},summary=${'s'}] after ${','}`;
    expect(message).toBe('[CQ:image,file=https://x.y/a&#44;b&#93;,summary=s] after ,');
    expect(cq.parse(message)).toStrictEqual([{ type: 'image', data: { file: url, summary: 's' } }, text(' after ,')]);
  });

  it('writes interpolated segments and segment arrays as CQ code', () => {
    expect(cq`${segment.at(10001)} hi ${[segment.face(1), segment.text('[x]')]}`).toBe(
      '[CQ:at,qq=10001] hi [CQ:face,id=1]&#91;x&#93;',
    );
  });

  it('writes numbers with String()', () => {
    expect(cq`[CQ:face,id=${14}] ${2}`).toBe('[CQ:face,id=14] 2');
  });
});

describe('cq edge cases', () => {
  it('keeps a code whose key is empty as text', () => {
    expect(cq.parse('a[CQ:face,=1]b')).toEqual([text('a[CQ:face,=1]b')]);
  });

  it('reads a text code without a text field as nothing', () => {
    expect(cq.parse('a[CQ:text]b')).toEqual([text('ab')]);
  });

  it('writes a text segment without text as nothing', () => {
    expect(cq.stringify([{ type: 'text', data: {} } as unknown as Segment, { type: 'face', data: { id: '1' } }])).toBe('[CQ:face,id=1]');
  });

  it('finds a code after an earlier unterminated one', () => {
    expect(cq.parse('[CQ:a [CQ:face,id=1]')).toEqual([text('[CQ:a '), { type: 'face', data: { id: '1' } }]);
  });

  it('explains which value, type or key cannot be written', () => {
    const write = (data: Record<string, unknown>, type = 'image') => () => cq.stringify([{ type, data } as unknown as Segment]);
    expect(write({ file: null })).toThrow('cannot write image.file as CQ code: it is null, not a plain value');
    expect(write({ file: [1] })).toThrow('cannot write image.file as CQ code: it is an array, not a plain value');
    expect(write({ file: {} })).toThrow('cannot write image.file as CQ code: it is object, not a plain value');
    expect(write({}, 'a b')).toThrow('cannot write segment type "a b" as CQ code');
    expect(write({ 'a b': 1 })).toThrow('cannot write image field "a b" as CQ code');
  });

  it('treats an interpolation after a closed code as text, and null as text', () => {
    const id = 14;
    expect(cq`[CQ:face,id=${id}] ${'a,b'} ${null}`).toBe('[CQ:face,id=14] a,b null');
  });
});
