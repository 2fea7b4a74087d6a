import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { splitInputsOf } from '../helpers/split-inputs';

/** Checks of the built package (`npm run build` first; CI builds before testing). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(`${ROOT}dist/index.js`) && existsSync(`${ROOT}dist/testing/index.js`);
const FIXTURE = fileURLToPath(new URL('../../scripts/smoke-cross-entry.mjs', import.meta.url));

const crossEntry = (format: 'esm' | 'cjs'): unknown =>
  JSON.parse(execFileSync(process.execPath, [FIXTURE, format], { cwd: ROOT, encoding: 'utf8' }));

describe.skipIf(!built)('the built package', () => {
  it.each(['esm', 'cjs'] as const)('shares one class per error across entries (%s)', (format) => {
    expect(crossEntry(format)).toEqual({ format, instanceOf: true, guard: true });
  });

  it('keeps the SDK out of the testing entry: it imports onebot-rx instead', () => {
    for (const file of ['dist/testing/index.js', 'dist/testing/index.cjs', 'dist/testing/browser.js']) {
      const code = readFileSync(`${ROOT}${file}`, 'utf8');
      expect(code, file).toMatch(/from ["']onebot-rx["']|require\(["']onebot-rx["']\)/);
      expect(code, file).not.toMatch(/class ActionFailedError|class DecodeError/);
    }
  });

  it('gives browsers a createTestClient without Node built-ins (the browser condition of ./testing)', async () => {
    const found: string[] = [];
    const result = await build({
      stdin: { contents: "export { createTestClient } from 'onebot-rx/testing';", resolveDir: ROOT },
      absWorkingDir: ROOT,
      tsconfigRaw: '{}', // resolve `onebot-rx` as a user would (through package.json), not tsconfig `paths`
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'record-node-imports',
          setup(b) {
            b.onResolve({ filter: /^(?:node:|ws$|fs$|http$|crypto$|path$|os$|url$|stream$)/ }, (args) => {
              found.push(args.path);
              return { path: args.path, external: true };
            });
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toEqual(expect.arrayContaining(['dist/testing/browser.js', 'dist/browser.js']));
    expect(inputs.filter((input) => /^dist\/(?:index|testing\/index)\./.test(input))).toEqual([]);
    expect(found).toEqual([]);
  });

  it('leaves the catalogue and the transfer code out of the chunks a minimal browser bot loads first', async () => {
    const result = await build({
      stdin: {
        contents: "import { createClient } from 'onebot-rx'; createClient({ url: 'ws://h/' }).sendGroupMessage(1, 'hi').subscribe();",
        resolveDir: ROOT,
      },
      absWorkingDir: ROOT,
      tsconfigRaw: '{}', // through package.json's browser condition, as a user's bundler resolves it
      bundle: true,
      splitting: true,
      outdir: 'dist-split', // never written
      platform: 'browser',
      format: 'esm',
      external: ['rxjs', 'io-ts', 'fp-ts', '@noble/hashes'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const { initial: initialInputs, lazy: lazyInputs } = splitInputsOf(result.metafile);
    expect(initialInputs).toContain('dist/browser.js');
    expect(initialInputs.filter((input) => /dist\/(?:catalogue|transfer-methods)/.test(input))).toEqual([]);
    expect(lazyInputs).toContain('dist/catalogue.js');
    expect(lazyInputs.some((input) => /^dist\/transfer-methods-\w+\.js$/.test(input))).toBe(true);
  });

  // Issue 18: importing the built SDK and creating a client builds no catalogue row; a read builds that row.
  it.each(['esm', 'cjs'] as const)('builds a catalogue row on its first read, not at import (%s)', (format) => {
    const load = format === 'esm' ? "await import('onebot-rx')" : "createRequire(process.cwd() + '/')('onebot-rx')";
    const script = `import { createRequire } from 'node:module';
const { CATALOGUE, createClient } = ${load};
const built = () => Object.values(Object.getOwnPropertyDescriptors(CATALOGUE)).filter((d) => d.get === undefined).length;
const api = typeof createClient({ url: 'ws://127.0.0.1:9/' }).api.send_like;
const before = built();
const valid = CATALOGUE.set_group_ban.params.is({ group_id: 1, user_id: '2', duration: 60 });
console.log(JSON.stringify({ api, before, valid, after: built(), names: Object.keys(CATALOGUE).length }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as unknown;
    expect(out).toEqual({ api: 'function', before: 0, valid: true, after: 1, names: 208 });
  });

  // Issue 16: at most 1.5 MB. The catalogue's declarations come from the generated CatalogueApi (named types),
  // so the rows' full codec types are not declared once per format.
  it('packs to at most 1.5 MB unpacked, without source maps', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as [
      { unpackedSize: number; files: { path: string }[] },
    ];
    expect(pack.files.filter((file) => file.path.endsWith('.map'))).toEqual([]);
    expect(pack.unpackedSize).toBeLessThanOrEqual(1_500_000);
  });
});
