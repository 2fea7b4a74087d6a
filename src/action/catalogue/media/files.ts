import * as t from 'io-ts';
import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { NAPCAT_ONLY } from '../napcat/common';
import { FileDetail, optional, struct } from '../shared';
import { lazyRows } from '../../lazy-rows';

/** `{ ok }`: the answer of NapCat's group-file edits (always `true`; failures are error replies). */
export const OkResult = struct({ ok: t.boolean }, 'OkResult');
export interface OkResult extends t.TypeOf<typeof OkResult> {}

const GROUP_FILE_NOTE = 'Needs NapCat\'s packet backend; `file_id` is the group file ID from the file listings.';

/** NapCat's file actions: fetch any received file, and move, rename or keep group files. */
export const MEDIA_FILE_ACTIONS = lazyRows({
  get_file: () => action({
    params: struct({ file: optional(t.string), file_id: optional(t.string) }, 'GetFileParams'),
    result: FileDetail,
    origin: 'napcat',
    doc: 'Downloads a received file (by `file` or `file_id`) and answers its local path, URL, size and name.',
    support: NAPCAT_ONLY,
    note: '`file_size` is a string; `base64` only when NapCat is configured to send local files as base64.',
  }),
  move_group_file: () => action({
    params: struct(
      {
        group_id: IdParam,
        file_id: t.string,
        current_parent_directory: t.string,
        target_parent_directory: t.string,
      },
      'MoveGroupFileParams',
    ),
    result: OkResult,
    origin: 'napcat',
    doc: 'Moves a group file from one folder to another (`/` is the root).',
    support: NAPCAT_ONLY,
    note: GROUP_FILE_NOTE,
  }),
  rename_group_file: () => action({
    params: struct(
      { group_id: IdParam, file_id: t.string, current_parent_directory: t.string, new_name: t.string },
      'RenameGroupFileParams',
    ),
    result: OkResult,
    origin: 'napcat',
    doc: 'Renames a group file in its folder.',
    support: NAPCAT_ONLY,
    note: GROUP_FILE_NOTE,
  }),
  trans_group_file: () => action({
    params: struct({ group_id: IdParam, file_id: t.string }, 'TransGroupFileParams'),
    result: OkResult,
    origin: 'napcat',
    doc: 'Turns a temporary group file into a permanent one.',
    support: NAPCAT_ONLY,
    note: GROUP_FILE_NOTE,
  }),
} satisfies Record<string, () => ActionDef>);
