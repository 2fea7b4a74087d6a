/**
 * The actions load for a peer SDK whose calls are Promises: a fixed number in flight, each settled call
 * starting the next, every result checked for a message id never seen before (the load server numbers its
 * replies 1, 2, 3… per connection). One warm-up call precedes the clock.
 */
import { abort, clientArgs, printResult, stopwatch, watchdog } from './measure';

/** What the driver needs from a peer SDK. */
export interface PromisePeer {
  /** Name on the result line. */
  readonly name: string;
  connect(): Promise<void>;
  /** One `send_group_msg`, resolving to its reply data. */
  sendHi(): Promise<{ message_id: unknown }>;
  disconnect(): Promise<void> | void;
}

/** Runs the load against `peer` (its URL built from the same command-line arguments) and prints the result. */
export function runPromiseActions(makePeer: (args: ReturnType<typeof clientArgs>) => PromisePeer): void {
  const args = clientArgs();
  const peer = makePeer(args);
  const clock = stopwatch();
  const seen = new Uint8Array(args.count + 2);
  let launched = 0;
  let answered = 0;
  const stopWatchdog = watchdog(() => answered);
  const fail = (error: unknown): void => abort(`${peer.name} actions: ${error instanceof Error ? error.message : JSON.stringify(error)}`);

  const check = (result: { message_id: unknown }): void => {
    const id = result.message_id;
    if (typeof id !== 'number' || id >= seen.length || seen[id] === 1) abort(`${peer.name} actions: bad message_id ${String(id)}`);
    seen[id] = 1;
    answered++;
  };

  const finish = async (): Promise<void> => {
    const ms = clock.elapsedMs();
    stopWatchdog();
    await peer.disconnect();
    printResult(peer.name, 'actions', answered, ms);
    process.exit(0);
  };

  const settled = (result: { message_id: unknown }): void => {
    check(result);
    if (answered === args.count) void finish();
    else launch();
  };

  function launch(): void {
    if (launched === args.count) return;
    launched++;
    peer.sendHi().then(settled, fail);
  }

  const main = async (): Promise<void> => {
    await peer.connect();
    check(await peer.sendHi());
    answered = 0;
    clock.start();
    for (let i = 0; i < args.inFlight; i++) launch();
  };
  main().catch(fail);
}
