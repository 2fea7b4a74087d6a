// Run with node from the repository root after `npm run build` (node scripts/smoke-cross-entry.mjs [cjs]): the testing
// entry's client fails a call with an ActionFailedError that is `instanceof` the main entry's class (one copy of the SDK across entries).
// Prints `{ format, instanceOf, guard }` as JSON. Pass `cjs` to load both entries with require.
import { createRequire } from 'node:module';

const format = process.argv[2] === 'cjs' ? 'cjs' : 'esm';
const load = format === 'cjs' ? createRequire(import.meta.url) : undefined;
const root = load ? load('onebot-rx') : await import('onebot-rx');
const testing = load ? load('onebot-rx/testing') : await import('onebot-rx/testing');
const { firstValueFrom, throwError } = load ? load('rxjs') : await import('rxjs');

const client = testing.createTestClient({ actions: () => throwError(() => ({ retcode: 1400, message: 'bad' })) });
const error = await firstValueFrom(client.api.get_login_info({})).catch((e) => e);
await client.close();
console.log(JSON.stringify({ format, instanceOf: error instanceof root.ActionFailedError, guard: root.isActionFailedError(error) }));
