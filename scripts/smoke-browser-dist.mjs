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

const ALLOWED = /^(?:rxjs|io-ts|fp-ts\/es6\/[\w/]+\.js|@noble\/hashes\/[\w/.-]+)$/;
// The entry and the chunks it imports, statically or by import() (the lazily loaded catalogue and transfers),
// followed to the end: only those packages may be imported from outside the package.
const specifiers = [];
const pendingCode = [conditions.browser.default];
for (const seen = new Set(); pendingCode.length > 0; ) {
  const file = pendingCode.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/\b(?:import|export)\b[^'"();]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s*['"]([^'"]+)['"]/g)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier.startsWith('./')) pendingCode.push(join(dirname(file), specifier));
    else specifiers.push(specifier);
  }
}
const unexpected = [...new Set(specifiers.filter((specifier) => !ALLOWED.test(specifier)))];
assert.deepStrictEqual(unexpected, [], 'dist/browser.js and its chunks import only rxjs, io-ts, fp-ts/es6 and @noble/hashes');

const TYPE_ALLOWED = /^(?:rxjs|io-ts|fp-ts(?:\/[\w/.-]+)?)$/;
// The typings and the declaration chunks they import (`./client-*.js`), followed to the end.
const typeSpecifiers = [];
const pending = [conditions.browser.types];
for (const seen = new Set(); pending.length > 0; ) {
  const file = pending.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const typings = readFileSync(file, 'utf8');
  for (const match of typings.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|<reference\s+types=['"]([^'"]+)['"]/g)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier.startsWith('./')) pending.push(join(dirname(file), specifier.replace(/\.js$/, '.d.ts')));
    else typeSpecifiers.push(specifier);
  }
}
const unexpectedTypes = [...new Set(typeSpecifiers.filter((specifier) => !TYPE_ALLOWED.test(specifier)))];
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
console.log(`browser ok: ${specifiers.length} imports, typings import ${new Set(typeSpecifiers).size} modules, page bundle ${(page.outputFiles[0].text.length / 1024).toFixed(0)} KiB`);
