import { describe, expect, it } from 'vitest';
import { MEDIA_ACTIONS } from '../../../../src/action/catalogue/media';

/** The file, media and Stream API names this part of the catalogue owns, as `napcat-actions.txt` spells them. */
const OWNED_NAMES = `
  add_custom_face cancel_group_album_media_like cancel_online_file clean_stream_temp_file create_collection
  create_flash_task del_group_album_media delete_custom_face delete_qzone_msg do_group_album_comment
  download_file_image_stream download_file_record_stream download_file_stream download_fileset fetch_custom_face
  fetch_custom_face_detail fetch_ptt_text get_ai_characters get_ai_record get_collection_list get_file
  get_fileset_id get_fileset_info get_flash_file_list get_flash_file_url get_group_album_media_list
  get_online_file_msg get_qun_album_list move_group_file nc_get_packet_status receive_online_file
  refuse_online_file rename_group_file send_flash_msg send_group_ai_record send_online_file send_online_folder
  send_packet send_qzone_msg set_custom_face_desc set_group_album_media_like test_download_stream
  trans_group_file upload_file_stream upload_image_to_qun_album
`
  .trim()
  .split(/\s+/);

const STREAM_REPLIES = ['download_file_stream', 'download_file_image_stream', 'download_file_record_stream', 'test_download_stream'];

const rows = Object.entries(MEDIA_ACTIONS);

describe('MEDIA_ACTIONS', () => {
  it('owns 45 distinct names', () => {
    expect(new Set(OWNED_NAMES).size).toBe(45);
  });

  it('has a row for every owned name and no other', () => {
    expect(Object.keys(MEDIA_ACTIONS).sort()).toEqual([...OWNED_NAMES].sort());
  });

  it.each(rows)('%s has a one-line doc sentence', (_name, row) => {
    expect(row.doc).toMatch(/^\S[^\n]*\.$/);
  });

  it.each(rows)('%s comes from NapCat and is a NapCat extension', (_name, row) => {
    expect(row.origin).toBe('napcat');
    expect(row.support.napcat).toBe('extension');
  });

  it('marks the download streams and test_download_stream as stream replies, everything else as single', () => {
    const streams = rows.filter(([, row]) => row.reply === 'stream').map(([name]) => name);
    expect(streams.sort()).toEqual([...STREAM_REPLIES].sort());
    expect(MEDIA_ACTIONS.upload_file_stream.reply).toBe('single');
  });

  it('says "NapCat\'s schema is Any", and why it stays untyped, on the rows whose result is t.unknown', () => {
    const unknownResults = rows.filter(([, row]) => row.result.name === 'unknown');
    expect(unknownResults.map(([name]) => name).sort()).toEqual(['add_custom_face', 'create_collection']);
    for (const [name, row] of unknownResults) {
      expect(row.note, name).toContain("NapCat's schema is Any");
      expect(row.untyped, name).toContain('typings declare unknown');
    }
  });

  it('marks the AI voice and sticker-list actions as Lagrange.OneBot extensions, go-cqhttp unsupported', () => {
    for (const name of ['get_ai_characters', 'get_ai_record', 'send_group_ai_record', 'fetch_custom_face'] as const) {
      expect(MEDIA_ACTIONS[name].support).toEqual({ napcat: 'extension', 'go-cqhttp': 'unsupported', lagrange: 'extension' });
    }
    expect(MEDIA_ACTIONS.send_packet.support.lagrange).toBe('unsupported');
  });
});
