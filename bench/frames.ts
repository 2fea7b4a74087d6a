/**
 * Realistic NapCat frames for the load server: group-message events of about 900 bytes and action replies.
 */

/** Target size of one serialised group-message event, in UTF-8 bytes. */
const TARGET_BYTES = 900;

const SELF_ID = 3_889_012_345;

const NICKNAMES = ['晚风', 'Neko', '小鱼干', 'kite_runner', '阿斌', 'Mochi🍡', '路人甲', 'Zed'] as const;
const CARDS = ['', '管理员-晚风', '群主', '摸鱼小分队', 'dev | Neko'] as const;
const ROLES = ['member', 'member', 'member', 'admin', 'owner'] as const;
const GROUP_NAMES = ['OneBot 开发者交流群', 'NapCat 用户群', '周末桌游'] as const;
const PHRASES = [
  '今天的构建又挂了，谁动了 lockfile？',
  'has anyone tried the new stream upload on NapCat?',
  '晚上八点开黑，来的扣 1',
  'ping',
  '这个 bug 我复现不了，能发一下日志吗',
  'LGTM, merging after CI passes 🎉',
] as const;

/** Deterministic pick from a list by index. */
function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

/** A text long enough that the whole event reaches {@link TARGET_BYTES}. */
function padText(base: string, frameWithout: (text: string) => string): string {
  let text = base;
  let i = 0;
  while (Buffer.byteLength(frameWithout(text)) < TARGET_BYTES) text += ` ${pick(PHRASES, i++)}`;
  return text;
}

/** The message segments of event `i`: a text, sometimes with an `@` in front and a face after it. */
function segmentsOf(i: number, text: string, atQq: number, atName: string): object[] {
  const at = i % 3 === 0 ? [{ type: 'at', data: { qq: String(atQq), name: atName } }] : [];
  const face =
    i % 4 === 1
      ? [{ type: 'face', data: { id: '14', raw: { faceIndex: 14, faceText: '/微笑', faceType: 1, packId: null, resultId: null, chainCount: null } } }]
      : [];
  return [...at, { type: 'text', data: { text } }, ...face];
}

/** The raw_message (CQ form) matching {@link segmentsOf}. */
function rawMessageOf(i: number, text: string, atQq: number): string {
  const at = i % 3 === 0 ? `[CQ:at,qq=${atQq}]` : '';
  const face = i % 4 === 1 ? '[CQ:face,id=14]' : '';
  return `${at}${text}${face}`;
}

/** Group-message event number `i`, as NapCat posts it with `messagePostFormat: 'array'`. */
export function groupMessageEvent(i: number, text: string): object {
  const userId = 10_000_000 + ((i * 7_919) % 2_000_000_000);
  const messageId = 1_000_000 + i * 13;
  const atQq = 20_000_000 + i;
  const atName = pick(NICKNAMES, i + 3);
  return {
    self_id: SELF_ID,
    user_id: userId,
    time: 1_763_900_000 + i,
    message_id: messageId,
    message_seq: messageId,
    real_id: messageId,
    real_seq: String(40_000 + i),
    message_type: 'group',
    sender: { user_id: userId, nickname: pick(NICKNAMES, i), card: pick(CARDS, i), role: pick(ROLES, i) },
    raw_message: rawMessageOf(i, text, atQq),
    font: 14,
    sub_type: 'normal',
    message: segmentsOf(i, text, atQq, atName),
    message_format: 'array',
    post_type: 'message',
    group_id: 700_000_000 + (i % 50),
    group_name: pick(GROUP_NAMES, i),
  };
}

/** `count` distinct serialised group-message events of about {@link TARGET_BYTES} each, as UTF-8 buffers. */
export function eventFrames(count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => {
    const text = padText(pick(PHRASES, i), (t) => JSON.stringify(groupMessageEvent(i, t)));
    return Buffer.from(JSON.stringify(groupMessageEvent(i, text)));
  });
}

/** NapCat's reply to a successful `send_group_msg`, echoing the request's `echo` as it came. */
export function sendReply(echo: unknown, messageId: number): string {
  return JSON.stringify({
    status: 'ok',
    retcode: 0,
    data: { message_id: messageId },
    message: '',
    wording: '',
    echo,
    stream: 'normal-action',
  });
}
