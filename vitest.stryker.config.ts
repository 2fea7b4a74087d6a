import { defineConfig } from 'vitest/config';
import { selfAlias } from './vitest.config';

/**
 * Vitest config used only by Stryker (`npm run mutate`): the unit suites of the mutated modules, without
 * type tests, simulator round-trips or benches, so a mutation run takes minutes.
 */
/** The unit suites of the mutated modules (the client, hardening, browser and simulator suites are too slow per mutant). */
const UNIT_SUITES = ['codec', 'action', 'transport', 'server', 'stream', 'message', 'event'];

export default defineConfig({
  resolve: { alias: selfAlias },
  test: {
    include: UNIT_SUITES.map((dir) => `test/${dir}/**/*.test.ts`),
    exclude: ['node_modules/**', 'test/**/*.sim.test.ts', 'bench/**'],
    typecheck: { enabled: false },
    isolate: false,
    testTimeout: 5_000,
    hookTimeout: 5_000,
  },
});
