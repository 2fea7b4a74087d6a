import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import { FP_TS_LIB, browserVariants, fpTsEs6 } from './scripts/browser-variants';

/**
 * Left to the user's bundler / Node resolution in every build. `onebot-rx` itself is external so a subpath
 * (`onebot-rx/testing`, …) imports the main entry instead of bundling a second copy of the SDK: one class per
 * error, one catalogue.
 */
const external = ['rxjs', 'io-ts', 'fp-ts', 'onebot-rx'];

/**
 * Shared by every build: one file per entry, no source maps (they tripled the package), whitespace minified
 * (names and structure kept, so stack traces stay readable) to keep the package under 1.5 MB.
 */
const common: Options = {
  sourcemap: false,
  clean: false,
  splitting: false,
  treeshake: true,
  dts: false,
  esbuildOptions: (options) => {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
    options.minifyIdentifiers = true;
  },
};

/** Node entries, ESM + CJS: the main entry first, then one line per subpath (`dist/<subpath>/index`). */
const NODE_ENTRIES = { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts', 'redis/index': 'src/redis/index.ts' };

/** Browser entries (the `browser` export condition): ES modules with no Node built-ins. */
const BROWSER_ENTRIES = { browser: 'src/browser.ts', 'testing/browser': 'src/testing/browser.ts' };

/**
 * The browser build's catalogue is its own file, `dist/catalogue.js`, which the client loads by `import()` on
 * the first call; the entry's `CATALOGUE` export comes through `dist/catalogue-rows.js`, a module of its own
 * that a page's bundler drops (`sideEffects: false`) when the page does not use `CATALOGUE`. Both imports stay
 * imports of those files, so the catalogue is never folded into a chunk the entry imports statically.
 */
const catalogueFiles: Plugin = {
  name: 'onebot-rx-catalogue-files',
  setup(build) {
    build.onResolve({ filter: /^\.\/catalogue\/index$/ }, (args) =>
      /src[\\/]action[\\/]catalogue-(?:rows|source\.browser)\.ts$/.test(args.importer) ? { path: './catalogue.js', external: true } : undefined,
    );
    build.onResolve({ filter: /^\.\/action\/catalogue-rows$/ }, () => ({ path: './catalogue-rows.js', external: true }));
  },
};

/**
 * The CommonJS build's io-ts: esbuild gives every module that does `import * as t from 'io-ts'` its own
 * copy of the namespace (50 copies of ~130 getters, +0.5 MB of heap); through this one module, which
 * re-exports `require('io-ts')`, there is one. (`noExternal` lets the plugin see the import; it stays external.)
 */
const oneIoTs: Plugin = {
  name: 'onebot-rx-one-io-ts',
  setup(build) {
    build.onResolve({ filter: /^io-ts$/ }, (args) =>
      args.namespace === 'io-ts-once' ? { path: 'io-ts', external: true } : { path: 'io-ts', namespace: 'io-ts-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'io-ts-once' }, () => ({ contents: "export * from 'io-ts';", loader: 'js' }));
  },
};

export default defineConfig([
  { ...common, entry: NODE_ENTRIES, format: ['esm'], target: 'node20', external: [...external, 'ws', 'ioredis'] },
  // CommonJS straight from esbuild: tsup's rollup tree-shaking pass re-prints a CJS file unminified
  // (`exports.name = x;` per export, `module.member` per import), 8 KB more on dist/index.cjs.
  {
    ...common,
    treeshake: false,
    entry: NODE_ENTRIES,
    format: ['cjs'],
    target: 'node20',
    external: [...external, 'ws', 'ioredis'],
    noExternal: ['io-ts'],
    esbuildPlugins: [oneIoTs],
  },
  {
    // Over the global WebSocket, no `ws`, no Node built-ins. Split: the catalogue and the transfer code are
    // chunks the browser variants load by dynamic `import()` on first use, so a page's first chunk stays small.
    ...common,
    splitting: true,
    entry: { ...BROWSER_ENTRIES, catalogue: 'src/action/catalogue/index.ts', 'catalogue-rows': 'src/action/catalogue-rows.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    external,
    noExternal: [FP_TS_LIB],
    esbuildPlugins: [catalogueFiles, browserVariants(), fpTsEs6({ external: true })],
  },
  {
    // Declarations only, one set per format; entries share their declarations through chunks, so the main
    // entry's types appear once per format.
    ...common,
    entry: { ...NODE_ENTRIES, ...BROWSER_ENTRIES },
    format: ['esm', 'cjs'],
    dts: { only: true },
    external: [...external, 'ws', 'ioredis'],
  },
]);
