import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/action/catalogue/index';
import { KERNEL_NOTE, KernelResult } from '../../../src/action/catalogue/kernel';

type Name = keyof typeof CATALOGUE;
const decodes = (name: Name, data: unknown): boolean => isRight(CATALOGUE[name].result.decode(data));

/** Rows whose NapCat schema is `Any`, typed from the NT kernel objects the handlers pass through. */
describe('results typed from the NT kernel calls', () => {
  const kernelRows = (Object.keys(CATALOGUE) as Name[]).filter((name) => CATALOGUE[name].result === KernelResult);

  it('covers the operation rows, each noted', () => {
    expect(kernelRows.length).toBeGreaterThanOrEqual(20);
    for (const name of kernelRows) expect(CATALOGUE[name].note, name).toContain(KERNEL_NOTE);
  });

  it.each(kernelRows)('%s decodes a GeneralCallResult, extra fields kept, and null', (name) => {
    expect(decodes(name, { result: 0, errMsg: '', transGroupFileResult: {} })).toBe(true);
    expect(decodes(name, null)).toBe(true);
    expect(decodes(name, { result: 'ok' })).toBe(false);
  });

  it('get_group_shut_list: ShutUpGroupMember objects', () => {
    const member = { uid: 'u_abc', qid: '', uin: '20002', nick: 'Bob', remark: '', cardType: 0, cardName: '', role: 2,
      avatarPath: '', shutUpTime: 1_734_567_890, isDelete: false, isSpecialConcerned: false, isSpecialShield: false, isRobot: false };
    expect(decodes('get_group_shut_list', [member])).toBe(true);
    expect(decodes('get_group_shut_list', [{ ...member, shutUpTime: '1' }])).toBe(false);
  });

  it('nc_get_rkey, get_robot_uin_range, get_group_info_ex', () => {
    expect(decodes('nc_get_rkey', [{ rkey: '&rkey=CAQS', ttl: 3600, time: 1_734_567_890, type: 10 }])).toBe(true);
    expect(decodes('nc_get_rkey', [{ ttl: 3600 }])).toBe(false);
    expect(decodes('get_robot_uin_range', [{ minUin: '3328144510', maxUin: '3328144590' }])).toBe(true);
    expect(decodes('get_robot_uin_range', [{ minUin: 1 }])).toBe(false);
    expect(decodes('get_group_info_ex', { groupCode: '123', resultCode: 0, extInfo: { luckyWordId: 0 } })).toBe(true);
  });

  it('send_ark_share and get_share_link: the kernel object, or the string of the documented example', () => {
    expect(decodes('send_ark_share', { result: 0, errMsg: '', arkJson: '{"app":"x"}' })).toBe(true);
    expect(decodes('ArkSharePeer', { result: 0, errMsg: '', arkMsg: '{"app":"x"}' })).toBe(true);
    expect(decodes('get_share_link', { result: 0, errMsg: '', shareLink: 'https://qfile.qq.com/q/x', expireTimestamp: '1' })).toBe(true);
    expect(decodes('get_share_link', 'https://qfile.qq.com/q/x')).toBe(true);
    expect(decodes('get_share_link', { result: 0 })).toBe(false);
  });
});
