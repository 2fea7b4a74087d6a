/**
 * The import graph of `src/`, read from the sources: imports follow the data flow (no folder imports a
 * folder downstream of it) and no file reaches itself through its imports.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

/** The folders in data-flow order: each may import only the folders before it (and itself). */
const FLOW = ['transport', 'codec', 'message', 'action', 'event', 'stream', 'runtime', 'client', 'server', 'redis', 'testing'];
/** Modules at the root of src/ everyone may import (they import nothing of the SDK's). */
const SHARED = new Set(['errors.ts', 'is-record.ts', 'logger.ts']);
/** Pure layers: no sockets, so no transport import, not even for types. */
const PURE = new Set(['codec', 'message', 'action', 'event']);
/** Package self-references, as files. */
const SELF: Readonly<Record<string, string>> = { 'onebot-rx': 'index.ts', 'onebot-rx/testing': 'testing/index.ts', 'onebot-rx/redis': 'redis/index.ts' };

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The src-relative files `file` imports or re-exports (type-only included). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1] as string);
  return specifiers.flatMap((specifier) => {
    if (Object.hasOwn(SELF, specifier)) return [SELF[specifier] as string];
    if (!specifier.startsWith('.')) return [];
    const base = relative(SRC, resolve(dirname(join(SRC, file)), specifier));
    const found = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(join(SRC, candidate)));
    return found === undefined ? [] : [found];
  });
}

const folderOf = (file: string): string => (file.includes('/') ? (file.split('/')[0] as string) : file);

const graph = new Map(sources().map((file) => [file, importsOf(file)]));

/** Every import edge that runs against the flow, as `from -> to`. */
export function againstFlow(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const bad: string[] = [];
  for (const [from, tos] of edges) {
    const a = folderOf(from);
    const rankA = FLOW.indexOf(a);
    if (rankA < 0) continue; // entries (index.ts, browser.ts) and shared root modules
    for (const to of tos) {
      const b = folderOf(to);
      if (a === b || SHARED.has(b)) continue;
      const rankB = FLOW.indexOf(b);
      const entry = rankB < 0;
      if ((entry && a !== 'redis' && a !== 'testing') || rankB > rankA || (PURE.has(a) && b === 'transport')) {
        bad.push(`${from} -> ${to}`);
      }
    }
  }
  return bad;
}

/** The import cycles, each as its files (Tarjan's strongly connected components of size > 1 or a self-import). */
export function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  it('is read from the sources (sanity: known edges are seen)', () => {
    expect(graph.get('client/client.ts')).toContain('action/caller.ts');
    expect(graph.get('redis/worker-transport.ts')).toContain('index.ts');
    expect(graph.size).toBeGreaterThan(100);
  });

  it('runs with the data flow: no folder imports one downstream of it, pure layers import no transport', () => {
    expect(againstFlow(graph)).toEqual([]);
  });

  it('has no circular imports between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('catches what it looks for', () => {
    const bad = new Map([
      ['codec/frame.ts', ['message/cq.ts']],
      ['action/caller.ts', ['transport/types.ts']],
      ['message/cq.ts', ['codec/frame.ts']],
    ]);
    expect(againstFlow(bad)).toEqual(['codec/frame.ts -> message/cq.ts', 'action/caller.ts -> transport/types.ts']);
    expect(cycles(bad)).toEqual([['codec/frame.ts', 'message/cq.ts']]);
  });
});

/** STYLE.md: "Keep files under ~400 lines", with a little slack; generated files are exempt. */
const MAX_LINES = 420;
const GENERATED = new Set(['action/catalogue-api.ts']);

describe('the source files', () => {
  it(`stay under about 400 lines each (at most ${MAX_LINES}; generated files aside)`, () => {
    const long = sources()
      .filter((file) => !GENERATED.has(file))
      .map((file) => ({ file, lines: readFileSync(join(SRC, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
