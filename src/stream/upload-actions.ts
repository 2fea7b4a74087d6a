import { type Observable, last, mergeMap } from 'rxjs';
import type { CatalogueApi } from '../action/catalogue-api';
import type { CallAction, CallOptions } from '../action/types';
import type { IdInput } from '../codec/id';
import type { FileInput, UploadActionOptions, UploadComplete, UploadEvent, UploadOptions } from './types';

/** The result of catalogued action `A`. */
type Result<A extends keyof CatalogueApi> = ReturnType<CatalogueApi[A]> extends Observable<infer R> ? R : never;

/** Options of `uploadGroupFile`: a target folder, plus how non-path inputs are uploaded. */
export interface UploadGroupFileOptions extends UploadActionOptions {
  folder?: string;
}

/** The methods that take a file and so accept bytes, blobs and streams as well as paths. */
export interface UploadActionMethods {
  /**
   * Uploads a file to a group. A string is a path on the server's machine and is sent as is; bytes, a
   * `Blob` or a `Readable` go through the Stream API first.
   *
   * @example
   * client.uploadGroupFile(groupId, await readFile('report.pdf'), 'report.pdf').subscribe();
   */
  uploadGroupFile(groupId: IdInput, file: FileInput, name: string, options?: UploadGroupFileOptions): Observable<Result<'upload_group_file'>>;
  /** Sends a file to a user (non-path inputs through the Stream API first). */
  uploadPrivateFile(userId: IdInput, file: FileInput, name: string, options?: UploadActionOptions): Observable<Result<'upload_private_file'>>;
  /** Sets a group's avatar from a path, URL or `base64://` string, or from bytes, a `Blob` or a `Readable`. */
  setGroupPortrait(groupId: IdInput, file: FileInput, options?: UploadActionOptions): Observable<Result<'set_group_portrait'>>;
}

/** Only the call options (timeout, force) of a method's options. */
function callOptionsOf(options: CallOptions | undefined): CallOptions | undefined {
  if (options === undefined) return undefined;
  const { timeout, force } = options;
  return { ...(timeout === undefined ? {} : { timeout }), ...(force === undefined ? {} : { force }) };
}

/**
 * Binds the upload-then-act methods: a string `file` passes straight to the action; anything else is uploaded
 * with `upload` and the action gets the server-side `file_path`.
 */
export function bindUploadActions(
  call: CallAction,
  upload: (file: FileInput, options: UploadOptions) => Observable<UploadEvent>,
): UploadActionMethods {
  const withPath = <R>(file: FileInput, name: string | undefined, options: UploadActionOptions | undefined, act: (path: string) => Observable<R>): Observable<R> => {
    if (typeof file === 'string') return act(file);
    return upload(file, { ...options?.upload, ...(name === undefined ? {} : { filename: name }) }).pipe(
      last(),
      mergeMap((done) => act((done as UploadComplete).filePath)),
    );
  };
  return {
    uploadGroupFile: (groupId, file, name, options) =>
      withPath(file, name, options, (path) =>
        call(
          'upload_group_file',
          { group_id: groupId, file: path, name, ...(options?.folder === undefined ? {} : { folder: options.folder }) },
          callOptionsOf(options),
        ) as Observable<Result<'upload_group_file'>>,
      ),
    uploadPrivateFile: (userId, file, name, options) =>
      withPath(file, name, options, (path) =>
        call('upload_private_file', { user_id: userId, file: path, name }, callOptionsOf(options)) as Observable<Result<'upload_private_file'>>,
      ),
    setGroupPortrait: (groupId, file, options) =>
      withPath(file, undefined, options, (path) =>
        call('set_group_portrait', { group_id: groupId, file: path }, callOptionsOf(options)) as Observable<Result<'set_group_portrait'>>,
      ),
  };
}
