/**
 * Indents the built declaration files (`dist/**\/*.d.ts`, `*.d.cts`) with one tab per level: the bundler writes
 * four spaces per level, which is some 10% of the package; types and TSDoc read the same (editors show a tab
 * at their own width). Run by `npm run build`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every declaration file under `dir`. */
function declarations(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? declarations(join(dir, entry.name)) : /\.d\.c?ts$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

for (const file of declarations('dist')) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^((?: {4})+)/gm, (indent) => '\t'.repeat(indent.length / 4)));
}
