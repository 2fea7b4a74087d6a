// @ts-check
/**
 * Mutation testing (`npm run mutate`): mutates the small pure cores where a
 * silent break costs most and reports which mutants no test notices.
 * Narrow a run with `npx stryker run --mutate src/codec/id.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/codec/compile-is.ts',
    'src/codec/id.ts',
    'src/codec/lossless-json.ts',
    'src/action/pending-calls.ts',
    'src/action/failure.ts',
    'src/action/throttle.ts',
    'src/transport/reconnect.ts',
    'src/transport/heartbeat.ts',
    'src/transport/signature.ts',
    'src/server/bot-link.ts',
    'src/stream/stream-lost.ts',
    'src/message/cq.ts',
    'src/event/query.ts',
  ],
  ignorePatterns: ['dist', 'coverage', 'reports', 'bench/results', 'docs'],
  reporters: ['clear-text', 'html', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  concurrency: 2,
  timeoutMS: 3_000,
  timeoutFactor: 1.5,
};
