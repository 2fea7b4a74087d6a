import { describe, expectTypeOf, it } from 'vitest';
import type { IdInput } from '../../../../src/codec/id';
import type { ParamsOf, ResultOf } from '../../../../src/action/define';
import { MEDIA_ACTIONS } from '../../../../src/action/catalogue/media';
import type {
  DownloadFileChunk,
  DownloadFileComplete,
  DownloadFileInfo,
  UploadChunkReceived,
  UploadFileComplete,
  UploadStreamStatus,
} from '../../../../src/action/catalogue/media/streams';

type M = typeof MEDIA_ACTIONS;

describe('media catalogue types', () => {
  it('lets callers leave optional params out', () => {
    expectTypeOf<ParamsOf<M['get_file']>>().toEqualTypeOf<{ file?: string; file_id?: string }>();
    expectTypeOf<{ group_id: 1 }>().toExtend<ParamsOf<M['get_qun_album_list']>>();
  });

  it('takes any ID input where NapCat wants a group or user ID', () => {
    expectTypeOf<ParamsOf<M['trans_group_file']>['group_id']>().toEqualTypeOf<IdInput>();
    // @ts-expect-error msg_id is NapCat's internal ID, a string
    const wrong: ParamsOf<M['cancel_online_file']> = { user_id: 1, msg_id: 1 };
    void wrong;
  });

  it('types a download frame as the union of its three frames', () => {
    expectTypeOf<ResultOf<M['download_file_stream']>>().toEqualTypeOf<
      DownloadFileInfo | DownloadFileChunk | DownloadFileComplete
    >();
    expectTypeOf<ResultOf<M['upload_file_stream']>>().toEqualTypeOf<
      UploadChunkReceived | UploadStreamStatus | UploadFileComplete
    >();
  });

  it('narrows a download frame by data_type', () => {
    const frame = {} as ResultOf<M['download_file_stream']>;
    if (frame.data_type === 'file_chunk') expectTypeOf(frame.index).toEqualTypeOf<number>();
  });
});
