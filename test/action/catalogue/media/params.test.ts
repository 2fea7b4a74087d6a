import { describe, expect, it } from 'vitest';
import { stringifyWire } from '../../../../src/codec/id';
import { MEDIA_ACTIONS } from '../../../../src/action/catalogue/media';

type Name = keyof typeof MEDIA_ACTIONS;

interface Sample {
  name: Name;
  /** Params a caller may send, optional keys left out. */
  valid: Record<string, unknown>;
  /** `valid` with one thing wrong. */
  invalid: Record<string, unknown>;
  why: string;
}

const SAMPLES: Sample[] = [
  {
    name: 'get_file',
    valid: { file_id: '/abc-123' },
    invalid: { file_id: 123 },
    why: 'file_id is a string',
  },
  {
    name: 'move_group_file',
    valid: { group_id: '123456', file_id: '/f', current_parent_directory: '/', target_parent_directory: '/d' },
    invalid: { group_id: 123456, file_id: '/f', current_parent_directory: '/' },
    why: 'target_parent_directory is required',
  },
  {
    name: 'rename_group_file',
    valid: { group_id: 123456n, file_id: '/f', current_parent_directory: '/', new_name: 'a.txt' },
    invalid: { group_id: 'group', file_id: '/f', current_parent_directory: '/', new_name: 'a.txt' },
    why: 'group_id must be an ID',
  },
  {
    name: 'upload_file_stream',
    valid: { stream_id: 's1', chunk_data: 'SGVsbG8=', chunk_index: 0, total_chunks: 1, file_size: 5 },
    invalid: { chunk_data: 'SGVsbG8=', chunk_index: 0, total_chunks: 1 },
    why: 'stream_id is required',
  },
  {
    name: 'download_file_stream',
    valid: { file_id: 'abc', chunk_size: 65536 },
    invalid: { file_id: 'abc', chunk_size: '65536' },
    why: 'chunk_size is a number',
  },
  {
    name: 'download_file_record_stream',
    valid: { file: 'voice.amr', out_format: 'mp3' },
    invalid: { file: 'voice.amr', out_format: 'aac' },
    why: 'out_format is one of the formats NapCat converts to',
  },
  {
    name: 'test_download_stream',
    valid: {},
    invalid: { error: 'yes' },
    why: 'error is a boolean',
  },
  {
    name: 'set_group_album_media_like',
    valid: { group_id: 123456, album_id: 'a1', batch_id: '112233' },
    invalid: { group_id: 123456, album_id: 'a1' },
    why: 'batch_id is required',
  },
  {
    name: 'get_qun_album_list',
    valid: { group_id: 123456 },
    invalid: { group_id: 1.5 },
    why: 'group_id must be an integer',
  },
  {
    name: 'receive_online_file',
    valid: { user_id: 10001, msg_id: '7345678901234567890', element_id: '7345678901234567891' },
    invalid: { user_id: 10001, msg_id: 7345678901, element_id: '1' },
    why: "msg_id is NapCat's internal ID, sent as a string",
  },
  {
    name: 'create_flash_task',
    valid: { files: ['/tmp/a.jpg', '/tmp/b.jpg'], name: 'task' },
    invalid: { files: [1, 2] },
    why: 'files are paths',
  },
  {
    name: 'send_flash_msg',
    valid: { fileset_id: 'set_1', group_id: 123456 },
    invalid: { group_id: 123456 },
    why: 'fileset_id is required',
  },
  {
    name: 'delete_custom_face',
    valid: { res_id: ['r1', 'r2'] },
    invalid: { ids: 'r1' },
    why: 'ids is a list',
  },
  {
    name: 'send_qzone_msg',
    valid: { content: 'hi', ugc_right: 16, target_uins: [10001, '10002'] },
    invalid: { content: 'hi', ugc_right: 2 },
    why: 'ugc_right is one of 1, 4, 16, 64, 128',
  },
  {
    name: 'get_ai_characters',
    valid: { group_id: 123456 },
    invalid: { chat_type: 1 },
    why: 'group_id is required',
  },
  {
    name: 'send_group_ai_record',
    valid: { character: 'lucy-voice', group_id: '123456', text: 'hello' },
    invalid: { character: 'lucy-voice', group_id: '123456' },
    why: 'text is required',
  },
  {
    name: 'fetch_ptt_text',
    valid: { message_id: -2147483000 },
    invalid: { message_id: null },
    why: 'message_id is required',
  },
  {
    name: 'send_packet',
    valid: { cmd: 'OidbSvcTrpcTcp.0x1', data: '0a0b', rsp: 'false' },
    invalid: { cmd: 'OidbSvcTrpcTcp.0x1', data: '0a0b', rsp: 'no' },
    why: "rsp is a boolean or 'true' / 'false'",
  },
  {
    name: 'get_collection_list',
    valid: { category: 0, count: '50' },
    invalid: { count: 50 },
    why: 'category is required',
  },
  {
    name: 'clean_stream_temp_file',
    valid: {},
    invalid: null as unknown as Record<string, unknown>,
    why: 'params are an object',
  },
];

describe('MEDIA_ACTIONS params', () => {
  it('samples at least twelve actions', () => {
    expect(new Set(SAMPLES.map((s) => s.name)).size).toBeGreaterThanOrEqual(12);
  });

  it.each(SAMPLES)('$name accepts valid params with optional keys left out', ({ name, valid }) => {
    expect(MEDIA_ACTIONS[name].params.is(valid)).toBe(true);
  });

  it.each(SAMPLES)('$name rejects params where $why', ({ name, invalid }) => {
    expect(MEDIA_ACTIONS[name].params.is(invalid)).toBe(false);
    expect(MEDIA_ACTIONS[name].params.decode(invalid)._tag).toBe('Left');
  });

  it('writes group IDs as bare integers on the wire, whatever the caller passed', () => {
    const { params } = MEDIA_ACTIONS.trans_group_file;
    expect(stringifyWire(params.encode({ group_id: '123456', file_id: '/f' }))).toBe('{"group_id":123456,"file_id":"/f"}');
    expect(stringifyWire(params.encode({ group_id: 9007199254740993n, file_id: '/f' }))).toBe(
      '{"group_id":9007199254740993,"file_id":"/f"}',
    );
  });

  it("keeps an online file's msg_id a string on the wire, so its 19 digits survive", () => {
    const wire = stringifyWire(
      MEDIA_ACTIONS.cancel_online_file.params.encode({ user_id: '10001', msg_id: '7345678901234567890' }),
    );
    expect(wire).toBe('{"user_id":10001,"msg_id":"7345678901234567890"}');
  });

  it('writes every listed Qzone target as a bare integer', () => {
    const wire = stringifyWire(
      MEDIA_ACTIONS.send_qzone_msg.params.encode({ content: 'hi', ugc_right: 128, target_uins: ['10001', 10002n] }),
    );
    expect(JSON.parse(wire)).toEqual({ content: 'hi', ugc_right: 128, target_uins: [10001, 10002] });
  });
});
