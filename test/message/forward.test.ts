import { describe, expect, it } from 'vitest';
import { decodeForward, forwardContent, forwardNodes, isDecodeError, segment } from '../../src/index';
import { createTestClient } from '../../src/testing/index';
import { marbles } from '../helpers/marbles';

const text = (value: string) => ({ type: 'text', data: { text: value } });

describe('forwardNodes', () => {
  it('builds reference nodes from IDs and custom nodes from objects, string content as text', () => {
    expect(forwardNodes([123, { user_id: 10001, nickname: 'Alice', content: '[CQ:face,id=1]' }])).toEqual([
      { type: 'node', data: { id: '123' } },
      { type: 'node', data: { user_id: '10001', nickname: 'Alice', content: [text('[CQ:face,id=1]')] } },
    ]);
  });

  it('nests a forward as a node whose content is nodes', () => {
    const nested = forwardNodes([{ nickname: 'Digest', content: forwardNodes([{ nickname: 'Bob', content: 'hi' }]) }]);
    expect(nested[0]?.data).toEqual({ nickname: 'Digest', content: [{ type: 'node', data: { nickname: 'Bob', content: [text('hi')] } }] });
  });
});

describe('sendGroupForwardMessage with built nodes', () => {
  it(
    'writes the nodes as the messages param, exactly as built',
    marbles((m) => {
      const client = createTestClient({
        scheduler: m.scheduler,
        actions: () => m.cold('(r|)', { r: { message_id: 9, res_id: 'abc' } }),
      });
      const nodes = [
        segment.node(5),
        segment.node({ user_id: 10001, nickname: 'Alice', content: [segment.face(14), segment.text('hi')] }),
        segment.node({ nickname: 'Digest', content: [segment.node({ nickname: 'Bob', content: 'inner' })] }),
      ];
      m.expect(client.sendGroupForwardMessage(1, nodes)).toBeObservable('(r|)', { r: { message_id: 9, res_id: 'abc' } });
      m.flush();
      expect(client.calls[0]).toMatchObject({ action: 'send_group_forward_msg', params: { group_id: 1, messages: nodes } });
    }),
  );
});

/** A NapCat `get_forward_msg` reply: message events, one holding a nested forward with its content. */
const napcatReply = {
  messages: [
    {
      self_id: 1,
      user_id: 10001,
      time: 1_700_000_000,
      message_id: 11,
      message_type: 'group',
      sender: { user_id: 10001, nickname: 'Alice', card: '' },
      message: [text('hello '), { type: 'face', data: { id: '14' } }],
      raw_message: 'hello [CQ:face,id=14]',
    },
    {
      self_id: 1,
      user_id: 10002,
      time: 1_700_000_001,
      message_id: 12,
      message_type: 'group',
      sender: { user_id: 10002, nickname: 'Bob' },
      message: [
        {
          type: 'forward',
          data: {
            id: 'inner-res',
            content: [{ user_id: '12345678901234567890', sender: { nickname: 'Carol' }, time: 5, message: [text('deep')] }],
          },
        },
      ],
    },
  ],
};

describe('decodeForward', () => {
  it('turns NapCat message events into custom nodes, nested forwards into nodes inside nodes', () => {
    expect(decodeForward(napcatReply)).toEqual([
      {
        type: 'node',
        data: { user_id: 10001, nickname: 'Alice', time: 1_700_000_000, content: [text('hello '), { type: 'face', data: { id: '14' } }] },
      },
      {
        type: 'node',
        data: {
          user_id: 10002,
          nickname: 'Bob',
          time: 1_700_000_001,
          content: [{ type: 'node', data: { user_id: '12345678901234567890', nickname: 'Carol', time: 5, content: [text('deep')] } }],
        },
      },
    ]);
  });

  it("reads go-cqhttp's { content, sender } entries, parsing CQ string content", () => {
    const reply = { messages: [{ content: 'hi [CQ:at,qq=10001] &#91;x&#93;', sender: { nickname: 'Dan', user_id: 7 }, time: 3 }] };
    expect(decodeForward(reply)).toEqual([
      {
        type: 'node',
        data: { user_id: 7, nickname: 'Dan', time: 3, content: [text('hi '), { type: 'at', data: { qq: '10001' } }, text(' [x]')] },
      },
    ]);
  });

  it('reads node segments (uin / name or user_id / nickname) as they are', () => {
    const reply = { messages: [{ type: 'node', data: { uin: '8', name: 'Eve', content: [text('yo')] } }] };
    expect(decodeForward(reply)).toEqual([{ type: 'node', data: { user_id: '8', nickname: 'Eve', content: [text('yo')] } }]);
  });

  it('keeps a nested forward whose content did not come along as a forward segment', () => {
    const reply = { messages: [{ sender: { nickname: 'F' }, message: [{ type: 'forward', data: { id: 'r1' } }] }] };
    expect(decodeForward(reply)[0]?.data.content).toEqual([{ type: 'forward', data: { id: 'r1' } }]);
  });

  it('gives an empty list for a reply without messages', () => {
    expect(decodeForward({})).toEqual([]);
    expect(decodeForward({ messages: null })).toEqual([]);
  });

  it('fails with a DecodeError naming the path of a part it cannot read', () => {
    let caught: unknown;
    try {
      decodeForward({ messages: [napcatReply.messages[0], { sender: {}, message: [{ nope: 1 }] }] });
    } catch (error) {
      caught = error;
    }
    expect(isDecodeError(caught) && [caught.action, caught.report]).toEqual([
      'get_forward_msg',
      'messages[1].message: not a segment array or a CQ string',
    ]);
    expect(() => decodeForward({ messages: 'x' })).toThrow(/messages: not an array/);
    expect(() => decodeForward({ messages: [42] })).toThrow(/messages\[0\]: not an object/);
  });

  it(
    'decodes getForwardMessage replies as an operator, and the result can be sent again',
    marbles((m) => {
      const client = createTestClient({
        scheduler: m.scheduler,
        actions: (action) => m.cold('(r|)', { r: action === 'get_forward_msg' ? napcatReply : { message_id: 1 } }),
      });
      const decoded = decodeForward(napcatReply);
      m.expect(client.getForwardMessage('abc').pipe(forwardContent())).toBeObservable('(r|)', { r: decoded });
      client.sendGroupForwardMessage(1, decoded).subscribe();
      m.flush();
      const resent = client.calls.find((c) => c.action === 'send_group_forward_msg');
      expect(client.calls.map((c) => c.action).sort()).toEqual(['get_forward_msg', 'send_group_forward_msg']);
      expect(resent?.params.messages).toEqual(decoded);
    }),
  );
});
