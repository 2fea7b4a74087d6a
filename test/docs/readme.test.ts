/**
 * The README's code is part of the product: every ```ts block typechecks against the sources, the blocks marked
 * ```ts runnable run against the simulator, and the IDs the README uses exist in the simulator's default world.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filter, firstValueFrom } from 'rxjs';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WORLD, createSimulator } from '../../src/testing/index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface Block {
  readonly line: number;
  readonly runnable: boolean;
  readonly code: string;
}

/** Every ```ts block of the README, with its first line number. */
function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```ts(?:\s+(\w+))?\s*$/.exec(lines[i] ?? '');
    if (open === null) continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
    blocks.push({ line: start + 1, runnable: open[1] === 'runnable', code: lines.slice(start, i + 1).join('\n') });
    i++;
  }
  return blocks;
}

/** Names the fragments use without declaring them (a bot's context, as the prose describes it). */
const PRELUDE = `
import type { Client, GroupMessageEvent, Id } from 'onebot-rx';
import type { TestScheduler } from 'rxjs/testing';
declare global {
  const client: Client;
  const message: GroupMessageEvent;
  const groupId: number, userId: number, group: number, user: number, msgId: number, fileId: string;
  const text: string, userInput: string, accessToken: string, secret: string;
  const buffer: Uint8Array;
  const bar: { update(percent: number): void };
  function welcome(groupId: Id, userId: Id): void;
  const m: { cold: TestScheduler['createColdObservable'] };
  const ping: GroupMessageEvent, other: GroupMessageEvent;
  const testScheduler: TestScheduler;
}
export {};
`;

function typecheck(blocks: readonly Block[]): string[] {
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);
  const virtual = new Map<string, string>([[join(ROOT, '__readme_prelude.ts'), PRELUDE]]);
  for (const block of blocks) virtual.set(join(ROOT, `__readme_line_${block.line}.ts`), `${block.code}\nexport {};\n`);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) => {
    const text = virtual.get(name);
    return text === undefined ? getSourceFile(name, version, onError, create) : ts.createSourceFile(name, text, version);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const program = ts.createProgram([...virtual.keys()], { ...parsed.options, noEmit: true }, host);
  // Only the README's files are checked: the sources they import are read for their types, not checked again
  // (`npm run typecheck` does that), which is what made this test take a minute.
  return [...virtual.keys()]
    .map((name) => program.getSourceFile(name)!)
    .flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])
    .filter((d) => d.file !== undefined && virtual.has(d.file.fileName))
    .map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      const blockLine = Number(/__readme_line_(\d+)/.exec(d.file!.fileName)?.[1] ?? 0);
      return `README.md:${blockLine + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

const TMP = join(ROOT, '.readme-blocks');
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Runs a block as its own process (tsx resolves `onebot-rx` to the sources by the tsconfig paths). */
function runBlock(block: Block, env: NodeJS.ProcessEnv) {
  const file = join(TMP, `line-${block.line}.ts`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${block.code}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

const blocks = tsBlocks(README);

describe('README', () => {
  it('has ts blocks, and the first bot uses handle()', () => {
    expect(blocks.length).toBeGreaterThan(5);
    const firstBot = blocks.find((b) => b.runnable);
    expect(firstBot?.code).toMatch(/client\.handle\('message\.group'/);
  });

  it('typechecks every ts block', () => {
    expect(typecheck(blocks)).toEqual([]);
  }, 120_000);

  it("uses only group and user IDs that exist in the simulator's default world", () => {
    const known = new Set<number>([
      DEFAULT_WORLD.selfId,
      ...DEFAULT_WORLD.friends.map((f) => f.user_id),
      ...DEFAULT_WORLD.groups.flatMap((g) => [g.group_id, ...(g.members ?? []).map((m) => m.user_id)]),
    ]);
    const used = [...README.matchAll(/(?:group_id|user_id|fromGroup\(|fromUser\()\s*:?\s*(\d{4,})/g)].map((m) => Number(m[1]));
    expect(used.length).toBeGreaterThan(2);
    expect(used.filter((id) => !known.has(id))).toEqual([]);
    for (const id of known) expect(README).toContain(String(id));
  });

  it('runs the first bot against the simulator: it answers ping, then drains and exits on SIGINT', async () => {
    const block = blocks.find((b) => b.runnable && b.code.includes('process.env.ONEBOT_URL'));
    expect(block).toBeDefined();
    const sim = await createSimulator({ accessToken: 'secret', heartbeatInterval: 0 });
    try {
      const run = runBlock(block!, { ONEBOT_URL: sim.url, ONEBOT_TOKEN: 'secret' });
      await sim.waitForConnection();
      const pong = firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'send_group_msg')));
      await sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'ping' }));
      expect((await pong).params).toEqual({ group_id: 300001, message: [{ type: 'text', data: { text: 'pong' } }] });
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
    } finally {
      await sim.close();
    }
  }, 60_000);

  it('runs the self-contained blocks to completion', async () => {
    const selfContained = blocks.filter((b) => b.runnable && !b.code.includes('process.env.ONEBOT_URL'));
    expect(selfContained.length).toBeGreaterThan(0);
    for (const block of selfContained) {
      const run = runBlock(block, {});
      const code = await run.exited;
      expect({ line: block.line, code, stderr: run.output().stderr }).toEqual({ line: block.line, code: 0, stderr: '' });
    }
  }, 60_000);
});
