/**
 * The event codecs of the public surface, by `export *` only. The package root re-exports them from here so
 * that a bundler splitting a browser page (esbuild) keeps them out of its first chunk: esbuild makes the
 * entry import the chunk of any module a named re-export on the entry's path resolves to, but not one that
 * only `export *` reaches. Each module here exports only public names.
 */
export * from './message';
export * from './notice';
export * from './notify';
export * from './guild';
export * from './request';
export * from './meta';
