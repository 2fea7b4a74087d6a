/**
 * The Redis stage's per-event section (the ratio): events/s end to end through the SDK with 1, 2 and 4
 * workers whose handler returns at once, beside the raw pipeline and the engine alone in the same round, and
 * the gateway alone beside the raw XADDs alone.
 */
import type { Redis } from 'ioredis';
import { line, median, x } from './measure';
import { EVENTS, ROUNDS, WORKER_COUNTS, WORKER_PROCESSES } from './options';
import { engine, rawPipeline, rawProducer } from './raw';
import { gatewayAlone, sdk } from './sdk';

/** Runs the per-event section for {@link ROUNDS} rounds and prints each run and the medians of the paired ratios. */
export async function perEventSection(url: string, loadUrl: string, admin: Redis): Promise<void> {
  /** Per worker count, the paired ratios to the raw pipeline and to the engine alone, one per round. */
  const ratios = new Map<number, { raw: number[]; engine: number[] }>(WORKER_COUNTS.map((n) => [n, { raw: [], engine: [] }]));
  const gatewayRatios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    if (ROUNDS > 1) console.log(`  round ${round}/${ROUNDS}`);
    const rawRun = await rawPipeline(url, loadUrl, round);
    console.log(line('raw ws → Redis → consumer', rawRun));
    await admin.flushall();
    const alone = await engine(url, round);
    console.log(line('engine (prebuilt XADDs)', alone, `${x(alone.rate / rawRun.rate)} raw`));
    await admin.flushall();
    for (const n of WORKER_COUNTS) {
      const run = await sdk(url, loadUrl, n, String(round), { events: EVENTS, processes: WORKER_PROCESSES, iterations: 0 });
      const r = ratios.get(n)!;
      r.raw.push(run.rate / rawRun.rate);
      r.engine.push(run.rate / alone.rate);
      console.log(line(`onebot-rx, ${n} worker${n > 1 ? 's' : ''}${WORKER_PROCESSES ? ' (proc.)' : ''}`, run, `${x(run.rate / rawRun.rate)} raw, ${x(run.rate / alone.rate)} engine`));
      await admin.flushall();
    }
    const producer = await rawProducer(url, round);
    console.log(line('raw XADD alone', producer));
    await admin.flushall();
    const gateway = await gatewayAlone(url, loadUrl, round);
    gatewayRatios.push(gateway.rate / producer.rate);
    console.log(line('gateway alone', gateway, `${x(gateway.rate / producer.rate)} raw XADD alone`));
    await admin.flushall();
  }
  if (ROUNDS > 1) {
    const per = (pick: 'raw' | 'engine') => WORKER_COUNTS.map((n) => `${n} worker${n > 1 ? 's' : ''} ${x(median(ratios.get(n)![pick]))}`).join(', ');
    console.log(`  median of the paired ratios over ${ROUNDS} rounds: vs raw ws → Redis → consumer: ${per('raw')}; vs engine: ${per('engine')}; gateway alone ${x(median(gatewayRatios))} raw XADD alone`);
  }
}
