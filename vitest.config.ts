import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The package's self-reference (`import … from 'onebot-rx'`) resolves to the sources, as tsconfig `paths` says. */
export const selfAlias = [
  { find: /^onebot-rx$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  { find: /^onebot-rx\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
  { find: /^onebot-rx\/redis$/, replacement: fileURLToPath(new URL('./src/redis/index.ts', import.meta.url)) },
];

export default defineConfig({
  resolve: { alias: selfAlias },
  test: {
    include: ['test/**/*.test.ts'],
    // The type tests (*.test-d.ts) are in tsconfig's `include`, so `npm run typecheck` (CI, every landing)
    // checks them; `npm run test:types` runs them as tests. Running tsc again inside `npm test` cost ~18 s CPU.
    typecheck: { include: ['test/**/*.test-d.ts'], enabled: false, tsconfig: './tsconfig.json' },
    // No test waits on the clock (test/suite/no-wall-clock.test.ts); the timeout is only the net for a hang,
    // wide enough for a test doing a few seconds of CPU work on a machine with other processes busy (the first
    // fast-check 'binary' string alone costs ~1 s CPU, which stretched past 20 s next to a CPU burner).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One module graph per worker instead of one per file: importing src, rxjs and io-ts again for each of
    // ~140 files was most of the suite's CPU time (import 144 s → 11 s). A file that mocks a module imports
    // its subject after `vi.resetModules()`; stubbed globals are restored after every test.
    isolate: false,
    unstubGlobals: true,
    // Vitest's default on 2 cores is one worker; most files wait on sockets and child processes, so two
    // overlap those waits.
    maxWorkers: 2,
  },
});
