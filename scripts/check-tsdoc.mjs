// Lists exported declarations in src/ that have no TSDoc comment right above them (re-exports excluded).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const missing = [];
for (const file of files('src')) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!/^export (async )?(const|function|class|interface|type|abstract class|enum) \w/.test(line)) return;
    // io-ts companion types share the doc of their codec: `export interface X extends t.TypeOf<typeof X> {}`
    if (/^export (interface \w+ extends|type \w+ =) t\.(TypeOf|OutputOf)<typeof \w+>/.test(line)) return;
    let j = i - 1;
    while (j >= 0 && lines[j].trim().startsWith('@')) j--;
    if (j < 0 || !lines[j].trim().endsWith('*/')) missing.push(`${file}:${i + 1}: ${line.slice(0, 90)}`);
  });
}
console.log(missing.join('\n'));
console.log(`${missing.length} exported declarations without TSDoc`);
process.exitCode = missing.length === 0 ? 0 : 1;
