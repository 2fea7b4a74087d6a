import { describe, expect, it } from 'vitest';
import { Segment } from '../../src/codec/segment';
import { segment } from '../../src/message/segment-builders';

/** Each builder call and the exact `{ type, data }` it must produce. */
const WIRE_SHAPES: [string, Segment, unknown][] = [
  ['text', segment.text('hi'), { type: 'text', data: { text: 'hi' } }],
  ['at a number', segment.at(10001), { type: 'at', data: { qq: '10001' } }],
  ['at all', segment.at('all'), { type: 'at', data: { qq: 'all' } }],
  ['at with a name', segment.at('10001', 'Alice'), { type: 'at', data: { qq: '10001', name: 'Alice' } }],
  ['reply', segment.reply(-2147483648), { type: 'reply', data: { id: '-2147483648' } }],
  ['face', segment.face(14), { type: 'face', data: { id: '14' } }],
  [
    'mface',
    segment.mface({ emoji_package_id: '231', emoji_id: 'ab12', key: 'k', summary: '[hi]' }),
    { type: 'mface', data: { emoji_package_id: 231, emoji_id: 'ab12', key: 'k', summary: '[hi]' } },
  ],
  ['image', segment.image('https://x.y/a.png'), { type: 'image', data: { file: 'https://x.y/a.png' } }],
  [
    'image with options',
    segment.image('base64://AAAA', { summary: 'cat', sub_type: 1, name: 'cat.png' }),
    { type: 'image', data: { file: 'base64://AAAA', summary: 'cat', sub_type: 1, name: 'cat.png' } },
  ],
  ['record', segment.record('file:///tmp/a.amr'), { type: 'record', data: { file: 'file:///tmp/a.amr' } }],
  [
    'video',
    segment.video('/tmp/v.mp4', { thumb: '/tmp/t.png' }),
    { type: 'video', data: { file: '/tmp/v.mp4', thumb: '/tmp/t.png' } },
  ],
  ['file', segment.file('/tmp/r.pdf', { name: 'r.pdf' }), { type: 'file', data: { file: '/tmp/r.pdf', name: 'r.pdf' } }],
  ['json text', segment.json('{"app":"x"}'), { type: 'json', data: { data: '{"app":"x"}' } }],
  ['json object', segment.json({ app: 'x' }), { type: 'json', data: { data: { app: 'x' } } }],
  ['xml', segment.xml('<msg/>'), { type: 'xml', data: { data: '<msg/>' } }],
  ['markdown', segment.markdown('# T'), { type: 'markdown', data: { content: '# T' } }],
  ['miniapp', segment.miniapp('{"a":1}'), { type: 'miniapp', data: { data: '{"a":1}' } }],
  ['music by platform', segment.music('163', 28949129), { type: 'music', data: { type: '163', id: '28949129' } }],
  [
    'custom music',
    segment.music({ url: 'https://u', audio: 'https://a', title: 'T', image: 'https://i', content: 'C' }),
    {
      type: 'music',
      data: { url: 'https://u', audio: 'https://a', title: 'T', image: 'https://i', content: 'C', type: 'custom' },
    },
  ],
  ['poke', segment.poke(1, 1), { type: 'poke', data: { type: '1', id: '1' } }],
  ['dice', segment.dice(), { type: 'dice', data: {} }],
  ['rps', segment.rps(), { type: 'rps', data: {} }],
  ['shake', segment.shake(), { type: 'shake', data: {} }],
  ['contact', segment.contact('group', 123456n), { type: 'contact', data: { type: 'group', id: '123456' } }],
  [
    'share',
    segment.share('https://x.y', 'X', { image: 'https://x.y/i.png' }),
    { type: 'share', data: { url: 'https://x.y', title: 'X', image: 'https://x.y/i.png' } },
  ],
  [
    'location',
    segment.location(39.9, 116.4, { title: 'B' }),
    { type: 'location', data: { lat: 39.9, lon: 116.4, title: 'B' } },
  ],
  ['node by id', segment.node(123), { type: 'node', data: { id: '123' } }],
  [
    'custom node',
    segment.node({ user_id: 10001, nickname: 'Alice', content: [segment.face(14)] }),
    { type: 'node', data: { user_id: '10001', nickname: 'Alice', content: [{ type: 'face', data: { id: '14' } }] } },
  ],
  ['forward', segment.forward('7391'), { type: 'forward', data: { id: '7391' } }],
];

describe('segment builders', () => {
  it.each(WIRE_SHAPES)('build the exact wire shape: %s', (_, built, wire) => {
    expect(built).toStrictEqual(wire);
  });

  it.each(WIRE_SHAPES)('build segments that pass the Segment codec: %s', (_, built) => {
    expect(Segment.is(built)).toBe(true);
  });

  it('cover every builder in the wire shape table', () => {
    const tested = new Set(WIRE_SHAPES.map(([, built]) => built.type));
    expect(Object.keys(segment).filter((name) => !tested.has(name as Segment['type']))).toStrictEqual([]);
  });

  it('write 64-bit IDs given as bigint or string with their exact digits', () => {
    expect(segment.at(9007199254740993n).data.qq).toBe('9007199254740993');
    expect(segment.reply('9223372036854775807').data.id).toBe('9223372036854775807');
  });

  it('refuse a number ID that is not a safe integer, since its digits are already lost', () => {
    expect(() => segment.at(2 ** 53 + 2)).toThrow(RangeError);
    expect(() => segment.reply(1.5)).toThrow(/safe integer/);
  });

  it('make custom node string content plain text, never CQ code', () => {
    const node = segment.node({ nickname: 'Bob', content: '[CQ:at,qq=all]' });
    expect(node.data).toStrictEqual({ nickname: 'Bob', content: [{ type: 'text', data: { text: '[CQ:at,qq=all]' } }] });
  });

  it('nest custom nodes inside custom nodes', () => {
    const inner = segment.node({ user_id: 1n, nickname: 'In', content: 'deep' });
    const outer = segment.node({ nickname: 'Out', content: [inner] });
    expect(outer).toStrictEqual({
      type: 'node',
      data: {
        nickname: 'Out',
        content: [
          { type: 'node', data: { user_id: '1', nickname: 'In', content: [{ type: 'text', data: { text: 'deep' } }] } },
        ],
      },
    });
    expect(Segment.is(outer)).toBe(true);
  });
});

describe('media segments from bytes', () => {
  it('embed the bytes as base64:// for image, record, video and file', () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    expect(segment.image(bytes, { summary: 'x' })).toEqual({ type: 'image', data: { file: 'base64://AQID+g==', summary: 'x' } });
    expect(segment.record(bytes).data.file).toBe('base64://AQID+g==');
    expect(segment.video(bytes).data.file).toBe('base64://AQID+g==');
    expect(segment.file(Buffer.from('hi'), { name: 'a.txt' }).data).toEqual({ file: 'base64://aGk=', name: 'a.txt' });
    expect(segment.image('https://e.x/a.png').data.file).toBe('https://e.x/a.png');
  });
});
