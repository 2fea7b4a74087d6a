import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { type Plugin, build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { browserVariants, fpTsEs6 } from '../../scripts/browser-variants';

const BUILTIN = new RegExp(`^(?:node:|(?:${builtinModules.join('|')})(?:/|$))`);

/** Records every import of a Node built-in (as `importer → module`) and leaves it external. */
function nodeImports(found: string[]): Plugin {
  return {
    name: 'record-node-imports',
    setup(build) {
      build.onResolve({ filter: BUILTIN }, (args) => {
        found.push(`${relative(process.cwd(), args.importer)} → ${args.path}`);
        return { path: args.path, external: true };
      });
    },
  };
}

/** The browser entry bundled as a page would get it: everything inlined, the browser module graph. */
async function bundleBrowserEntry(): Promise<{ nodeImports: string[]; warnings: string[]; inputs: string[]; code: string }> {
  const found: string[] = [];
  const result = await build({
    entryPoints: ['src/browser.ts'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [browserVariants(), fpTsEs6({ external: false }), nodeImports(found)],
  });
  const warnings = result.warnings.map((w) => `${w.location?.file ?? '?'}: ${w.text}`);
  return { nodeImports: found, warnings, inputs: Object.keys(result.metafile.inputs), code: result.outputFiles[0]?.text ?? '' };
}

/** Identifiers only Node defines, as the bundle would use them. */
const NODE_GLOBAL = /(?<![\w$.])(?:(?:Buffer|process)\s*\.\s*[A-Za-z_$]|(?:__dirname|__filename)\b|(?:require|setImmediate)\s*\()/;

describe('the Node-global check', () => {
  it('catches Buffer, process, require and friends but not methods or words of the same name', () => {
    const caught = ['const b = Buffer.from(x, "base64");', 'if (process.env.X) {}', 'require("fs")', 'setImmediate(f)', '__dirname'];
    const innocent = ['this.process(view, 0);', 'function process(a, s) {', 'doc: "Stops the NapCat process."', 'x.require(1)'];
    expect(caught.filter((line) => !NODE_GLOBAL.test(line))).toEqual([]);
    expect(innocent.filter((line) => NODE_GLOBAL.test(line))).toEqual([]);
  });
});

describe('the browser bundle', () => {
  const bundled = bundleBrowserEntry();

  it('imports no Node built-in (a module that needs one must have a .browser.ts sibling)', async () => {
    expect((await bundled).nodeImports).toEqual([]);
  });

  it('bundles without warnings (in TypeScript a missing export is only a warning, and undefined at runtime)', async () => {
    expect((await bundled).warnings).toEqual([]);
  });

  it('holds neither ws nor any node: module', async () => {
    const { inputs } = await bundled;
    expect(inputs.filter((input) => /(?:^|\/)node_modules\/ws\//.test(input))).toEqual([]);
  });

  it('uses the browser variants of the socket and the transport choice', async () => {
    const { inputs } = await bundled;
    expect(inputs).toEqual(expect.arrayContaining(['src/transport/open-socket.browser.ts', 'src/client/transport-for.browser.ts']));
    expect(inputs.filter((input) => /src\/transport\/(?:ws-socket|open-socket|webhook-\w+)\.ts$/.test(input))).toEqual([]);
  });

  it('references no Node global (Buffer, process, require, …)', async () => {
    const { code } = await bundled;
    const lines = code.split('\n').filter((line) => NODE_GLOBAL.test(line));
    expect(lines.map((line) => line.trim())).toEqual([]);
  });

  it('keeps a single copy of fp-ts (the ES build io-ts uses)', async () => {
    const { inputs } = await bundled;
    expect(inputs.some((input) => input.includes('node_modules/fp-ts/es6/'))).toBe(true);
    expect(inputs.filter((input) => input.includes('node_modules/fp-ts/lib/'))).toEqual([]);
  });
});
