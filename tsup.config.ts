import { defineConfig } from 'tsup';
import { FP_TS_LIB, browserVariants, fpTsEs6 } from './scripts/browser-variants';

/** Left to the user's bundler / Node resolution in every build. */
const external = ['rxjs', 'io-ts', 'fp-ts'];

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: false,
    treeshake: true,
    external: [...external, 'ws'],
  },
  {
    // The `browser` export condition: an ES module over the global WebSocket, no `ws`, no Node built-ins.
    entry: { browser: 'src/browser.ts' },
    format: ['esm'],
    platform: 'browser',
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    splitting: false,
    treeshake: true,
    external,
    noExternal: [FP_TS_LIB],
    esbuildPlugins: [browserVariants(), fpTsEs6({ external: true })],
  },
]);
