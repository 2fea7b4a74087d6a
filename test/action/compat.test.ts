import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKEND_ADAPTERS, type BackendName, NOT_ADAPTED, backendProfile, supportOf } from '../../src/action/backend';
import type { Support } from '../../src/action/define';

/** `protocol/compat.md` as shared with the project (a verbatim copy; refresh it when the shared one changes). */
const COMPAT_MD = readFileSync(new URL('../fixtures/compat.md', import.meta.url), 'utf8');

const MARKS: Readonly<Record<string, Support>> = {
  '✅': 'supported',
  '☑️': 'slight',
  '⚠️': 'serious',
  '✨': 'extension',
  '❌': 'unsupported',
  '–': 'unknown',
};

/** Its columns, in order: go-cqhttp, NapCat, Lagrange. */
const COLUMNS: readonly BackendName[] = ['go-cqhttp', 'napcat', 'lagrange'];

/** Every table row of compat.md: the action and its mark per backend (read from the cell's leading mark). */
function parseCompat(markdown: string): ReadonlyMap<string, Readonly<Record<BackendName, Support>>> {
  const rows = new Map<string, Record<BackendName, Support>>();
  for (const line of markdown.split('\n')) {
    const match = /^\| `([^`]+)` \|(.*)\|$/.exec(line.trim());
    if (match === null) continue;
    const cells = (match[2] ?? '').split('|').map((cell) => cell.trim());
    const support = {} as Record<BackendName, Support>;
    COLUMNS.forEach((backend, i) => {
      const mark = Object.keys(MARKS).find((m) => cells[i]?.startsWith(m));
      if (mark === undefined) throw new Error(`compat.md: no mark in ${line}`);
      support[backend] = MARKS[mark] as Support;
    });
    rows.set(match[1] as string, support);
  }
  return rows;
}

const COMPAT = parseCompat(COMPAT_MD);

describe('protocol/compat.md against the backend profiles', () => {
  it('is read whole (76 actions)', () => {
    expect(COMPAT.size).toBe(76);
  });

  it.each([...COMPAT])('%s: the profile has the marks of compat.md, and supports() refuses exactly its ❌', (action, marks) => {
    for (const backend of COLUMNS) {
      expect([backend, supportOf(action, backend)]).toEqual([backend, marks[backend]]);
      expect([backend, backendProfile(backend).supports(action)]).toEqual([backend, marks[backend] !== 'unsupported']);
    }
  });

  it('has every ☑️ / ⚠️ cell either adapted (BACKEND_ADAPTERS) or explained (NOT_ADAPTED), never both', () => {
    for (const [action, marks] of COMPAT) {
      for (const backend of COLUMNS) {
        if (marks[backend] !== 'slight' && marks[backend] !== 'serious') continue;
        const adapted = Object.hasOwn(BACKEND_ADAPTERS[backend], action);
        const explained = Object.hasOwn(NOT_ADAPTED[backend], action);
        expect([backend, action, adapted !== explained]).toEqual([backend, action, true]);
      }
    }
  });

  it('explains only ☑️ / ⚠️ cells', () => {
    for (const backend of COLUMNS) {
      for (const action of Object.keys(NOT_ADAPTED[backend])) {
        expect([backend, action, ['slight', 'serious'].includes(COMPAT.get(action)?.[backend] ?? '')]).toEqual([backend, action, true]);
      }
    }
  });
});
