import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { NAPCAT_ACTIONS } from '../../../../src/action/catalogue/napcat';

/** The NapCat extension names this part of the catalogue owns, as `protocol/napcat-actions.txt` spells them. */
const OWNED_NAMES = `
  .ocr_image ArkShareGroup ArkSharePeer _get_model_show _mark_all_as_read _set_model_show bot_exit
  cancel_group_todo click_inline_keyboard_button complete_group_todo fetch_emoji_like forward_friend_single_msg
  forward_group_single_msg friend_poke get_clientkey get_doubt_friends_add_request get_emoji_likes
  get_friends_with_category get_group_detail_info get_group_ignore_add_request get_group_ignored_notifies
  get_group_info_ex get_group_shut_list get_group_signed_list get_guild_list get_guild_service_profile
  get_mini_app_ark get_profile_like get_recent_contact get_rkey get_rkey_server get_robot_uin_range get_share_link
  group_poke mark_group_msg_as_read mark_msg_as_read mark_private_msg_as_read nc_get_rkey nc_get_user_status
  reboot_normal reload_event_filter send_ark_share send_group_ark_share send_poke set_diy_online_status
  set_doubt_friends_add_request set_friend_remark set_group_add_option set_group_kick_members
  set_group_member_invite_policy set_group_member_permissions set_group_new_member_history_visibility
  set_group_remark set_group_robot_add_option set_group_search set_group_sign set_group_todo set_input_status
  set_msg_emoji_like set_online_status set_qq_avatar set_self_longnick translate_en2zh
`
  .trim()
  .split(/\s+/);

const rows = Object.entries(NAPCAT_ACTIONS);

describe('NAPCAT_ACTIONS', () => {
  it('owns 63 distinct names', () => {
    expect(new Set(OWNED_NAMES).size).toBe(63);
  });

  it('has a row for every owned name and no other', () => {
    expect(Object.keys(NAPCAT_ACTIONS).sort()).toEqual([...OWNED_NAMES].sort());
  });

  it.each(rows)('%s has a one-line doc sentence', (_name, row) => {
    expect(row.doc).toMatch(/^\S[^\n]*\.$/);
  });

  it.each(rows)('%s says how NapCat supports it', (_name, row) => {
    expect(['supported', 'slight', 'serious', 'extension', 'unsupported']).toContain(row.support.napcat);
  });

  it.each(rows)('%s answers with a single reply frame', (_name, row) => {
    expect(row.reply).toBe('single');
  });

  it('marks every action NapCat does not borrow from go-cqhttp as a NapCat action', () => {
    const fromGoCqhttp = rows.filter(([, row]) => row.origin === 'go-cqhttp').map(([name]) => name);
    expect(fromGoCqhttp.sort()).toEqual(
      [
        '.ocr_image',
        '_get_model_show',
        '_set_model_show',
        'get_guild_list',
        'get_guild_service_profile',
        'mark_msg_as_read',
        'reload_event_filter',
      ].sort(),
    );
    expect(rows.every(([, row]) => row.origin === 'napcat' || row.origin === 'go-cqhttp')).toBe(true);
  });

  it("notes NapCat's Any schema on every row whose result is unknown", () => {
    const unknownResults = rows.filter(([, row]) => row.result === t.unknown);
    expect(unknownResults.length).toBeGreaterThan(0);
    for (const [, row] of unknownResults) expect(row.note).toBe("NapCat's schema is Any");
  });

  it('marks the names NapCat only mentions in a comment as unsupported by NapCat', () => {
    expect(NAPCAT_ACTIONS.reboot_normal.support.napcat).toBe('unsupported');
    expect(NAPCAT_ACTIONS.reload_event_filter.support).toEqual({
      napcat: 'unsupported',
      'go-cqhttp': 'supported',
      lagrange: 'unsupported',
    });
  });

  it('records the NapCat extensions Lagrange.OneBot also implements', () => {
    const lagrange = rows.filter(([, row]) => row.support.lagrange !== 'unsupported').map(([name]) => name);
    expect(lagrange.sort()).toEqual(
      ['.ocr_image', 'friend_poke', 'get_rkey', 'group_poke', 'mark_msg_as_read', 'send_poke', 'set_qq_avatar'].sort(),
    );
  });
});
