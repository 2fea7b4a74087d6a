import { isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../src/action/catalogue/index';
import type { ActionDef } from '../../../../src/action/define';

const ROWS = CATALOGUE as Readonly<Record<string, ActionDef>>;
const decodes = (name: string, data: unknown): boolean => isRight((ROWS[name] as ActionDef).result.decode(data));

const fileSet = {
  fileSetId: 'b6c1e2a0-5f3e-4c3c-9a53-0f6d1e2a3b4c',
  name: 'photos',
  totalFileCount: 2,
  totalFileSize: 2048,
  shareInfo: { shareLink: 'https://qfile.qq.com/q/AbCdEf', extractionCode: '' },
  expireLeftTime: 604800,
  createTime: 1732350000,
  expireTime: 1732954800,
  taskId: 'b6c1e2a0-5f3e-4c3c-9a53-0f6d1e2a3b4c',
};

/** One reply `data` per action typed from NapCat's kernel typings, shaped as its handler returns it. */
const REPLIES: Readonly<Record<string, unknown>> = {
  create_flash_task: {
    result: 0,
    errMsg: '',
    seq: 3,
    createFlashTransferResult: { fileSetId: fileSet.fileSetId, shareLink: 'https://qfile.qq.com/q/AbCdEf', expireTime: '1732954800', expireLeftTime: '604800' },
  },
  get_fileset_info: { result: 0, errMsg: '', seq: 4, isCache: false, fileSet },
  get_flash_file_list: {
    seq: 0,
    result: 0,
    errMs: '',
    fileLists: [{ parentId: '', depth: 1, fileList: [{ name: 'a.jpg', fileSize: 1024 }], paginationInfo: {}, isEnd: true, isCache: false }],
  },
  get_flash_file_url: { result: 0, errMsg: '', transferUrl: 'https://multimedia.qfile.qq.com/download?fid=1' },
  download_fileset: { result: 0, errMsg: '', extraInfo: null },
  get_collection_list: {
    result: 0,
    errMsg: '',
    collectionSearchList: {
      collectionItemList: [
        { cid: '1732350000123', type: 1, status: 1, author: { type: 1, numId: '10001', strId: 'Bot' }, bid: 1, category: 2, createTime: '1732350000000', collectTime: '1732350000000', modifyTime: '1732350000000', sequence: '1', shareUrl: '', customGroupId: 0, securityBeat: false, summary: { textSummary: { brief: 'hi' } } },
      ],
      hasMore: false,
      bottomTimeStamp: '1732350000000',
    },
  },
  fetch_custom_face_detail: [
    { uin: '10001', emoId: 3, emoPath: 'C:\\fav\\a.gif', isExist: true, resId: 'A1B2', url: 'https://p.qpic.cn/a', md5: 'd41d8cd98f00b204e9800998ecf8427e', emoOriginalPath: '', thumbPath: '', RomaingType: 'rt', isAPNG: false, isMarkFace: false, eId: '' },
  ],
  get_online_file_msg: {
    result: 0,
    errMsg: '',
    msgList: [
      { msgId: '7440000000000000001', msgRandom: '12', senderUid: 'u_a', peerUid: 'u_a', msgTime: '1732350000', elements: [{ elementType: 3, elementId: '7440000000000000002', fileElement: { fileName: 'a.zip' } }] },
    ],
  },
  get_group_album_media_list: { seq: 0, result: 0, errMs: '', trace_id: 'abc', request_time_line: {}, media_list: [{ media_id: 'm1' }] },
  upload_image_to_qun_album: undefined,
};

describe('media results typed from NapCat\'s kernel typings', () => {
  it.each(Object.entries(REPLIES))('%s decodes the reply NapCat builds', (name, data) => {
    expect(ROWS[name]?.result).not.toBe(t.unknown);
    expect(decodes(name, data)).toBe(true);
  });

  it('refuses replies of the wrong shape', () => {
    expect(decodes('get_flash_file_url', { result: 0 })).toBe(false);
    expect(decodes('get_fileset_info', { result: 0, fileSet: {} })).toBe(false);
    expect(decodes('fetch_custom_face_detail', [{ url: 'x' }])).toBe(false);
    expect(decodes('get_collection_list', { collectionSearchList: { collectionItemList: [{ type: 1 }] } })).toBe(false);
    expect(decodes('get_online_file_msg', { msgList: null })).toBe(false);
    expect(decodes('upload_image_to_qun_album', 'ok')).toBe(false);
  });
});
