// Checks the browser build as a bundler sees it: `onebot-rx` under the `browser` condition resolves to
// dist/browser.js, which imports only rxjs, io-ts, fp-ts (ES build) and @noble/hashes, and bundles for a page;
// its typings, dist/browser.d.ts, import only rxjs, io-ts and fp-ts (no `node:` module: no @types/node needed).
// Run after `npm run build`: node scripts/smoke-browser-dist.mjs
import assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const conditions = pkg.exports['.'];
assert.deepStrictEqual(Object.keys(conditions)[0], 'browser', 'the browser condition comes first');
for (const file of Object.values(conditions.browser)) assert.ok(existsSync(file), `${file} exists`);

/**
 * The external specifiers `entry` and every file it imports by a relative path (statically or by `import()`)
 * use, followed to the end. `pattern`'s first matching group is the specifier; `local` maps a relative one to
 * the file it names.
 */
function externalsOf(entry, pattern, local = (specifier) => specifier) {
  const externals = new Set();
  const pending = [entry];
  for (const seen = new Set(); pending.length > 0; ) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const specifier = match.slice(1).find((group) => group !== undefined);
      if (specifier.startsWith('./')) pending.push(join(dirname(file), local(specifier)));
      else externals.add(specifier);
    }
  }
  return [...externals];
}

// The entry and its chunks (the catalogue and transfers are loaded by import() on first use).
const ALLOWED = /^(?:rxjs|io-ts|fp-ts\/es6\/[\w/]+\.js|@noble\/hashes\/[\w/.-]+)$/;
const specifiers = externalsOf(
  conditions.browser.default,
  /\b(?:import|export)\b[^'"();]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s*['"]([^'"]+)['"]/g,
);
const unexpected = specifiers.filter((specifier) => !ALLOWED.test(specifier));
assert.deepStrictEqual(unexpected, [], 'dist/browser.js and its chunks import only rxjs, io-ts, fp-ts/es6 and @noble/hashes');

// The typings and the declaration chunks they import (`./client-*.js`).
const TYPE_ALLOWED = /^(?:rxjs|io-ts|fp-ts(?:\/[\w/.-]+)?)$/;
const typeSpecifiers = externalsOf(
  conditions.browser.types,
  /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|<reference\s+types=['"]([^'"]+)['"]/g,
  (specifier) => specifier.replace(/\.js$/, '.d.ts'),
);
const unexpectedTypes = typeSpecifiers.filter((specifier) => !TYPE_ALLOWED.test(specifier));
assert.deepStrictEqual(unexpectedTypes, [], 'dist/browser.d.ts imports only rxjs, io-ts and fp-ts (no @types/node)');

const page = await build({
  stdin: { contents: "import { createClient } from 'onebot-rx'; console.log(createClient);", resolveDir: process.cwd() },
  tsconfigRaw: '{}', // resolve `onebot-rx` through package.json as a user would, not the tsconfig `paths`
  bundle: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'silent',
});
const inputs = Object.keys(page.metafile.inputs);
assert.ok(inputs.includes('dist/browser.js'), 'a browser bundle of onebot-rx takes dist/browser.js');
assert.deepStrictEqual(inputs.filter((input) => /node_modules\/ws\/|node_modules\/fp-ts\/lib\//.test(input)), []);
console.log(`browser ok: ${specifiers.length} imports, typings import ${typeSpecifiers.length} modules, page bundle ${(page.outputFiles[0].text.length / 1024).toFixed(0)} KiB`);
