/**
 * onebot-rx actions client: `client.api.send_group_msg(...)` cold Observables, a fixed number in flight,
 * each completed call subscribing the next (as the raw client refills its window), every result checked
 * for a message id never seen before. `rx-actions-merge-map.ts` measures the same through `mergeMap`.
 */
import { firstValueFrom } from 'rxjs';
import { createClient } from '../../src/index';
import { abort, actionsUrl, clientArgs, printResult, stopwatch, watchdog } from './measure';

const args = clientArgs();
const clock = stopwatch();
/** Message ids seen; the load server numbers its replies 1, 2, 3… per connection. */
const seen = new Uint8Array(args.count + 2);
let launched = 0;
let answered = 0;
const stopWatchdog = watchdog(() => answered);

const client = createClient({ url: actionsUrl(args), reconnect: false });
const connection = client.connect();

const sendHi = () => client.api.send_group_msg({ group_id: 1, message: 'hi' });

function check(result: { message_id: unknown }): void {
  const id = result.message_id;
  if (typeof id !== 'number' || id >= seen.length || seen[id] === 1) abort(`rx-actions: bad message_id ${String(id)}`);
  seen[id] = 1;
  answered++;
}

const fail = (error: unknown): void => abort(`rx-actions: ${String(error)}`);

/** Subscribes the next call, if any remain; its completion launches the one after. */
function launch(): void {
  if (launched === args.count) return;
  launched++;
  sendHi().subscribe({ next: check, error: fail, complete: completed });
}

function completed(): void {
  if (answered === args.count) void finish();
  else launch();
}

async function main(): Promise<void> {
  check(await firstValueFrom(sendHi()));
  answered = 0;
  clock.start();
  for (let i = 0; i < args.inFlight; i++) launch();
}

async function finish(): Promise<void> {
  const ms = clock.elapsedMs();
  stopWatchdog();
  connection.unsubscribe();
  await client.close();
  printResult('onebot-rx', 'actions', answered, ms);
  process.exit(0);
}

main().catch(fail);
