import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readParams } from '../params';
import { groupOf, nicknameOf, perGroup, type GroupFile, type GroupFolder, type World } from '../world';
import type { HandlerContext, HandlerTable } from './context';

const ROOT = '/';
const TOTAL_SPACE = 10 * 1024 * 1024 * 1024;
const COMMON_RESULT = { retCode: 0, retMsg: 'ok', clientWording: '' };

const filesOf = (world: World, groupId: number) => perGroup(world.files, groupId, () => new Map<string, GroupFile>());
const foldersOf = (world: World, groupId: number) => perGroup(world.folders, groupId, () => new Map<string, GroupFolder>());

/** A file as NapCat lists it (internal fields dropped). */
function fileView(file: GroupFile): Record<string, unknown> {
  const { folder_id: _folder, source: _source, ...view } = file;
  return view;
}

function folderView(world: World, folder: GroupFolder): GroupFolder {
  const count = [...filesOf(world, folder.group_id).values()].filter((f) => f.folder_id === folder.folder_id).length;
  return { ...folder, total_file_count: count };
}

function listFolder(world: World, groupId: number, folderId: string, limit: number) {
  groupOf(world, groupId);
  const files = [...filesOf(world, groupId).values()].filter((f) => f.folder_id === folderId).slice(0, limit);
  return files.map(fileView);
}

/** Size of a local file (`file://` URLs and plain paths), 0 when it cannot be read. */
function localSize(file: string): { size: number; source?: string } {
  try {
    const path = file.startsWith('file://') ? fileURLToPath(file) : file;
    return { size: statSync(path).size, source: path };
  } catch {
    return { size: 0 };
  }
}

function upload(ctx: HandlerContext, groupId: number, file: string, name: string, folderId: string): { file_id: string } {
  const { world } = ctx;
  groupOf(world, groupId);
  if (folderId !== ROOT && !foldersOf(world, groupId).has(folderId)) throw new Error(`folder ${folderId} not found`);
  world.counters.file += 1;
  const now = ctx.now();
  const { size, source } = localSize(file);
  const entry: GroupFile = {
    group_id: groupId,
    file_id: `sim-file-${world.counters.file}`,
    file_name: name,
    busid: 102,
    size,
    file_size: size,
    upload_time: now,
    dead_time: 0,
    modify_time: now,
    download_times: 0,
    uploader: world.selfId,
    uploader_name: world.nickname,
    folder_id: folderId,
    ...(source === undefined ? {} : { source }),
  };
  filesOf(world, groupId).set(entry.file_id, entry);
  ctx.emit(ctx.events.groupUpload({ group_id: groupId, user_id: world.selfId, file: { id: entry.file_id, name, size, busid: 102 } }));
  return { file_id: entry.file_id };
}

function createFolder(ctx: HandlerContext, groupId: number, name: string) {
  const { world } = ctx;
  groupOf(world, groupId);
  world.counters.file += 1;
  const folder: GroupFolder = {
    group_id: groupId,
    folder_id: `/sim-folder-${world.counters.file}`,
    folder: `/sim-folder-${world.counters.file}`,
    folder_name: name,
    create_time: ctx.now(),
    creator: world.selfId,
    creator_name: nicknameOf(world, world.selfId),
    total_file_count: 0,
  };
  foldersOf(world, groupId).set(folder.folder_id, folder);
  return {
    result: COMMON_RESULT,
    groupItem: {
      peerId: String(groupId),
      type: 2,
      folderInfo: {
        folderId: folder.folder_id,
        parentFolderId: ROOT,
        folderName: name,
        createTime: folder.create_time,
        modifyTime: folder.create_time,
        createUin: String(world.selfId),
        creatorName: folder.creator_name,
        totalFileCount: 0,
      },
    },
  };
}

function fileOf(world: World, groupId: number, fileId: string): GroupFile {
  const file = filesOf(world, groupId).get(fileId);
  if (!file) throw new Error(`file ${fileId} not found in group ${groupId}`);
  return file;
}

/** The file, which must be in folder `folderId` (NapCat names the root `/`). */
function fileIn(world: World, groupId: number, fileId: string, folderId: string): GroupFile {
  const file = fileOf(world, groupId, fileId);
  if (file.folder_id !== folderId) throw new Error(`file ${fileId} is not in folder ${folderId}`);
  return file;
}

/** Group files and folders: listing, uploading, renaming, moving, deleting, URLs and space info. */
export const FILE_HANDLERS: HandlerTable = {
  get_group_root_files: (params, { world }) => {
    const p = readParams(params, { group_id: 'id', file_count: 'number?' });
    return {
      files: listFolder(world, p.group_id, ROOT, p.file_count ?? 50),
      folders: [...foldersOf(world, p.group_id).values()].map((f) => folderView(world, f)),
    };
  },
  get_group_files_by_folder: (params, { world }) => {
    const p = readParams(params, { group_id: 'id', folder_id: 'string?', folder: 'string?', file_count: 'number?' });
    return { files: listFolder(world, p.group_id, p.folder ?? p.folder_id ?? ROOT, p.file_count ?? 50), folders: [] };
  },
  create_group_file_folder: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', folder_name: 'string?', name: 'string?' });
    return createFolder(ctx, p.group_id, p.folder_name ?? p.name ?? '');
  },
  delete_group_folder: (params, { world }) => {
    const p = readParams(params, { group_id: 'id', folder_id: 'string?', folder: 'string?' });
    const folderId = p.folder ?? p.folder_id ?? '';
    if (!foldersOf(world, p.group_id).delete(folderId)) throw new Error(`folder ${folderId} not found`);
    const files = filesOf(world, p.group_id);
    for (const [id, file] of files) if (file.folder_id === folderId) files.delete(id);
    return COMMON_RESULT;
  },
  delete_group_file: (params, { world }) => {
    const p = readParams(params, { group_id: 'id', file_id: 'string' });
    fileOf(world, p.group_id, p.file_id);
    filesOf(world, p.group_id).delete(p.file_id);
    return COMMON_RESULT;
  },
  get_group_file_url: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', file_id: 'string' });
    const file = fileOf(ctx.world, p.group_id, p.file_id);
    return { url: `${ctx.httpBase}/files/${file.group_id}/${encodeURIComponent(file.file_id)}` };
  },
  get_group_file_system_info: (params, { world }) => {
    const { group_id } = readParams(params, { group_id: 'id' });
    groupOf(world, group_id);
    const files = [...filesOf(world, group_id).values()];
    return {
      file_count: files.length,
      limit_count: 10000,
      used_space: files.reduce((sum, f) => sum + f.size, 0),
      total_space: TOTAL_SPACE,
    };
  },
  rename_group_file: (params, { world }) => {
    const p = readParams(params, { group_id: 'id', file_id: 'string', current_parent_directory: 'string', new_name: 'string' });
    const file = fileIn(world, p.group_id, p.file_id, p.current_parent_directory);
    file.file_name = p.new_name;
    return { ok: true };
  },
  move_group_file: (params, { world }) => {
    const p = readParams(params, {
      group_id: 'id',
      file_id: 'string',
      current_parent_directory: 'string',
      target_parent_directory: 'string',
    });
    const file = fileIn(world, p.group_id, p.file_id, p.current_parent_directory);
    if (p.target_parent_directory !== ROOT && !foldersOf(world, p.group_id).has(p.target_parent_directory)) {
      throw new Error(`folder ${p.target_parent_directory} not found`);
    }
    file.folder_id = p.target_parent_directory;
    return { ok: true };
  },
  trans_group_file: (params, { world }) => {
    const p = readParams(params, { group_id: 'id', file_id: 'string' });
    fileOf(world, p.group_id, p.file_id).dead_time = 0;
    return { ok: true };
  },
  upload_group_file: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', file: 'string', name: 'string', folder: 'string?', folder_id: 'string?' });
    return upload(ctx, p.group_id, p.file, p.name, p.folder ?? p.folder_id ?? ROOT);
  },
};

/** The local path of a group file's bytes, for the simulator's HTTP file route. */
export function fileSource(world: World, groupId: number, fileId: string): string | undefined {
  return world.files.get(groupId)?.get(fileId)?.source;
}
