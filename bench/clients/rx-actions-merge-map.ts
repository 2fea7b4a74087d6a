/**
 * onebot-rx actions client, the idiomatic way: `range(0, N).pipe(mergeMap(() => send_group_msg(...), K))`.
 * Against `rx-actions.ts` it shows what `mergeMap` itself costs: with a synchronous source it buffers the
 * N - K waiting values and removes each finished inner subscription from an array of K.
 */
import { firstValueFrom, mergeMap, range } from 'rxjs';
import { createClient } from '../../src/index';
import { abort, clientArgs, actionsUrl, printResult, stopwatch, watchdog } from './measure';

const args = clientArgs();
const clock = stopwatch();
/** Message ids seen; the load server numbers its replies 1, 2, 3… per connection. */
const seen = new Uint8Array(args.count + 2);
let answered = 0;
const stopWatchdog = watchdog(() => answered);

const client = createClient({ url: actionsUrl(args), reconnect: false });
const connection = client.connect();

const sendHi = () => client.api.send_group_msg({ group_id: 1, message: 'hi' });

function check(result: { message_id: unknown }): void {
  const id = result.message_id;
  if (typeof id !== 'number' || id >= seen.length || seen[id] === 1) abort(`rx-actions-merge-map: bad message_id ${String(id)}`);
  seen[id] = 1;
  answered++;
}

async function main(): Promise<void> {
  check(await firstValueFrom(sendHi()));
  answered = 0;
  clock.start();
  range(0, args.count)
    .pipe(mergeMap(sendHi, args.inFlight))
    .subscribe({
      next: check,
      error: (error: unknown) => abort(`rx-actions-merge-map: ${String(error)}`),
      complete: () => void finish(),
    });
}

async function finish(): Promise<void> {
  const ms = clock.elapsedMs();
  stopWatchdog();
  if (answered !== args.count) abort(`rx-actions-merge-map: ${answered} of ${args.count} answered`);
  connection.unsubscribe();
  await client.close();
  printResult('onebot-rx mergeMap', 'actions', answered, ms);
  process.exit(0);
}

main().catch((error: unknown) => abort(`rx-actions-merge-map: ${String(error)}`));
