/**
 * The esbuild plugin that makes the browser module graph: a relative import of `X` resolves to the sibling
 * `X.browser.ts` when one exists (`open-socket` → `open-socket.browser`, `transport-for` →
 * `transport-for.browser`), so Node-only modules never enter the browser bundle; and the import aliases of
 * that bundle. Used by `tsup.config.ts` and `scripts/build-browser-example.ts`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * esbuild `alias` for browser bundles: the SDK imports `fp-ts/lib/*` (CommonJS, what Node ESM needs) while
 * io-ts's ES build imports `fp-ts/es6/*`; pointing both at `es6` keeps one copy of fp-ts in the page.
 */
export const BROWSER_ALIASES: Readonly<Record<string, string>> = { 'fp-ts/lib': 'fp-ts/es6' };

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
