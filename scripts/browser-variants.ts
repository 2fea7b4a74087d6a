/**
 * The esbuild plugin that makes the browser module graph: a relative import of `X` resolves to the sibling
 * `X.browser.ts` when one exists (`open-socket` → `open-socket.browser`, `transport-for` →
 * `transport-for.browser`), so Node-only modules never enter the browser bundle; and the plugin that keeps
 * one copy of fp-ts in it. Used by `tsup.config.ts`, `scripts/build-browser-example.ts` and the tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';

/** The SDK's `fp-ts/lib/*` imports (CommonJS, what Node ESM needs). */
export const FP_TS_LIB = /^fp-ts\/lib\//;

/**
 * Points the SDK's `fp-ts/lib/*` imports at `fp-ts/es6/*`, the ES build io-ts imports, so a page holds one
 * copy of fp-ts. With `external` the rewritten import stays an import (tsup: list `FP_TS_LIB` in
 * `noExternal` so this plugin sees it); otherwise it is resolved and bundled.
 *
 * @example
 * await esbuild.build({ bundle: true, platform: 'browser', plugins: [fpTsEs6({ external: false })], ... });
 */
export function fpTsEs6({ external }: { external: boolean }): Plugin {
  return {
    name: 'onebot-rx-fp-ts-es6',
    setup(build) {
      build.onResolve({ filter: FP_TS_LIB }, async (args) => {
        const path = args.path.replace(FP_TS_LIB, 'fp-ts/es6/');
        if (external) return { path, external: true };
        const resolved = await build.resolve(path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer });
        return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
      });
    },
  };
}

/** The browser variant's path for a resolved module path (with or without a `.ts`/`.js` extension). */
export function variantOf(modulePath: string): string {
  return `${modulePath.replace(/\.(?:ts|js)$/, '')}.browser.ts`;
}

/**
 * Resolves relative imports to their `.browser.ts` sibling when it exists; everything else is left to
 * esbuild. A variant importing its own Node original (for types) is left alone.
 *
 * @example
 * await esbuild.build({ entryPoints: ['src/browser.ts'], bundle: true, platform: 'browser', plugins: [browserVariants()] });
 */
export function browserVariants(): Plugin {
  return {
    name: 'onebot-rx-browser-variants',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const variant = variantOf(resolve(args.resolveDir, args.path));
        if (variant === args.importer || !existsSync(variant)) return undefined;
        return { path: variant };
      });
    },
  };
}
