import { type Observable, defer, from, mergeMap } from 'rxjs';
import type { TransferDeps, TransferMethods } from './transfer-methods';

export type { TransferDeps, TransferMethods } from './transfer-methods';

/** Every transfer method (the record's type makes the list complete). */
const METHODS: Readonly<Record<keyof TransferMethods, true>> = {
  uploadFileStream: true,
  getUploadStreamStatus: true,
  downloadFileStream: true,
  downloadFileImageStream: true,
  downloadFileRecordStream: true,
  downloadFileStreamToFile: true,
  downloadFileImageStreamToFile: true,
  downloadFileRecordStreamToFile: true,
  cleanStreamTempFile: true,
  uploadGroupFile: true,
  uploadPrivateFile: true,
  setGroupPortrait: true,
};

/**
 * The browser build's Stream API methods: the transfer code (chunking, hashing, resume) is a separate chunk,
 * loaded by a dynamic `import()` on the first transfer; a page that transfers nothing never downloads it.
 * Each client binds it once, on first use, so its resume registry is per client as in Node.
 */
export function bindTransferMethods(deps: TransferDeps): TransferMethods {
  let bound: Promise<TransferMethods> | undefined;
  const load = (): Promise<TransferMethods> =>
    (bound ??= import('./transfer-methods').then(
      (module) => module.bindTransferMethods(deps),
      (error: unknown) => {
        bound = undefined; // a failed chunk load is tried again by the next transfer
        throw error;
      },
    ));
  const lazy = (name: keyof TransferMethods) => (...args: unknown[]): Observable<unknown> =>
    defer(() => from(load())).pipe(mergeMap((methods) => (methods[name] as (...a: unknown[]) => Observable<unknown>)(...args)));
  return Object.fromEntries(Object.keys(METHODS).map((name) => [name, lazy(name as keyof TransferMethods)])) as unknown as TransferMethods;
}
