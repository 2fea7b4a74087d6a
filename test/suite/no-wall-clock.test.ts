import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The suite must pass on a loaded machine, so no test waits on the wall clock: time comes from a scheduler the
 * test drives (`ManualClock`, `TestScheduler`, fake timers without `shouldAdvanceTime`), and a negative check
 * ("nothing was sent") waits for a positive signal that proves the window passed.
 *
 * A line may still use real time when it must (a raw test server that really delays, a child process's own
 * watchdog): it then carries `// real-time: <why>` on the same line or the line above.
 */
const WALL_CLOCK: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['setTimeout', /\bsetTimeout\s*\(/],
  ['setInterval', /\bsetInterval\s*\(/],
  ['a sleep helper', /\b(?:sleep|pause|settle|wait)\s*\(\s*\d/],
  ['Date.now()', /\bDate\.now\s*\(\s*\)/],
  ['performance.now()', /\bperformance\.now\s*\(\s*\)/],
  ['vi.waitFor (polls against a deadline)', /\bvi\.waitFor\s*\(/],
  ['expect.poll (polls against a deadline, 1 s by default)', /\bexpect\.poll\s*\(/],
  ['fake timers that follow the wall clock', /\bshouldAdvanceTime\s*:\s*true/],
  ['an RxJS timer on the real clock', /\b(?:timer|interval)\s*\(\s*[\d_]+\s*\)/],
];

const ALLOW = /\/\/\s*real-time:\s*\S/;

/**
 * Files that still wait on the wall clock, to be moved to virtual time or signals (each entry says what is
 * left). The list may only shrink: an entry no longer needed fails the test too.
 */
const KNOWN_DEBT: Readonly<Record<string, string>> = {};
const ROOT = join(import.meta.dirname, '..');
const SELF = relative(ROOT, import.meta.filename);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(?:ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every wall-clock wait in `text` without a `// real-time:` reason, as `line: what`. */
export function wallClockUses(text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    if (ALLOW.test(line) || ALLOW.test(lines[i - 1] ?? '')) return [];
    const code = line.replace(/\/\/.*$/, '');
    return WALL_CLOCK.filter(([, pattern]) => pattern.test(code)).map(([name]) => `${i + 1}: ${name}`);
  });
}

describe('the test suite keeps off the wall clock', () => {
  it('flags each kind of wall-clock wait, and accepts one with a reason', () => {
    const flagged = [
      'await new Promise((r) => setTimeout(r, 20));',
      'const t = setInterval(tick, 5);',
      'await sleep(30);',
      'expect(Date.now() - started).toBeLessThan(100);',
      'const started = performance.now();',
      'await vi.waitFor(() => expect(x).toBe(1));',
      'await expect.poll(() => frames).toHaveLength(1);',
      "vi.useFakeTimers({ toFake: ['setTimeout'], shouldAdvanceTime: true });",
      'sim.calls$.pipe(takeUntil(timer(20)))',
    ];
    expect(flagged.map((line) => wallClockUses(line).length)).toEqual(flagged.map(() => 1));
    expect(wallClockUses('// real-time: the raw server must really stall\nsetTimeout(() => socket.end(), 50);')).toEqual([]);
    expect(wallClockUses('setTimeout(() => socket.end(), 50); // real-time: a stalling server')).toEqual([]);
    expect(wallClockUses('clock.advance(50);\nconst s = new ManualClock();\ntimer(40, clock)')).toEqual([]);
  });

  it('finds no unexplained wall-clock wait in test/', () => {
    const uses = new Map(
      sources(ROOT)
        .filter((path) => relative(ROOT, path) !== SELF)
        .map((path) => [relative(ROOT, path), wallClockUses(readFileSync(path, 'utf8'))] as const)
        .filter(([, found]) => found.length > 0),
    );
    const unexplained = [...uses].filter(([path]) => !(path in KNOWN_DEBT)).flatMap(([path, found]) => found.map((use) => `${path}:${use}`));
    expect(unexplained).toEqual([]);
    expect(Object.keys(KNOWN_DEBT).filter((path) => !uses.has(path))).toEqual([]);
  });
});
