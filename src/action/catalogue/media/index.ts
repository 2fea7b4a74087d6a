import { ALBUM_ACTIONS } from './albums';
import { COLLECTION_ACTIONS } from './collections';
import { CUSTOM_FACE_ACTIONS } from './custom-faces';
import { MEDIA_FILE_ACTIONS } from './files';
import { FLASH_ACTIONS } from './flash';
import { ONLINE_FILE_ACTIONS } from './online-files';
import { PACKET_ACTIONS } from './packets';
import { QZONE_ACTIONS } from './qzone';
import { STREAM_ACTIONS } from './streams';
import { VOICE_ACTIONS } from './voice';
import { joinRows } from '../../lazy-rows';

/**
 * NapCat's file, media and Stream API actions: files, streams, albums, online files, flash transfer,
 * favourites, stickers, Qzone, voice and raw packets.
 *
 * @example
 * MEDIA_ACTIONS.download_file_stream.reply; // 'stream'
 */
export const MEDIA_ACTIONS = joinRows(
  MEDIA_FILE_ACTIONS,
  STREAM_ACTIONS,
  ALBUM_ACTIONS,
  ONLINE_FILE_ACTIONS,
  FLASH_ACTIONS,
  COLLECTION_ACTIONS,
  CUSTOM_FACE_ACTIONS,
  QZONE_ACTIONS,
  VOICE_ACTIONS,
  PACKET_ACTIONS,
);
