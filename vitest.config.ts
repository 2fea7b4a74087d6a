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
    typecheck: { include: ['test/**/*.test-d.ts'], enabled: true, tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
