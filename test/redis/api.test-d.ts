/**
 * The names API.md gives the scale-out entry: `createGateway({ redis, clients, prefix?, partitions?, maxLen? })`
 * returning `{ stats$, close(): Promise<void> }`, `createWorker({ redis, prefix?, group, consumer, ... })`
 * returning a `Client`, and the `stats$` fields of SCALE-OUT.md pinned detail 4.
 */
import type { Observable } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import type { Client } from '../../src/index';
import { type Gateway, type GatewayOptions, type ScaleOutStats, type WorkerOptions, createGateway, createWorker } from '../../src/redis';

describe('onebot-rx/redis types', () => {
  it('createGateway takes redis and clients, optional prefix, partitions and maxLen, and returns stats$ and close()', () => {
    expectTypeOf<Pick<GatewayOptions, 'redis' | 'clients'>>().toEqualTypeOf<{ readonly redis: GatewayOptions['redis']; readonly clients: Client | Observable<Client> }>();
    expectTypeOf<GatewayOptions['prefix']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GatewayOptions['partitions']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<GatewayOptions['maxLen']>().toEqualTypeOf<number | undefined>();
    expectTypeOf(createGateway).returns.toEqualTypeOf<Gateway>();
    expectTypeOf<Gateway['stats$']>().toEqualTypeOf<Observable<ScaleOutStats>>();
    expectTypeOf<Gateway['close']>().toEqualTypeOf<() => Promise<void>>();
    // @ts-expect-error clients is required
    createGateway({ redis: 'redis://127.0.0.1:6379' });
  });

  it('createWorker takes redis, group and consumer (prefix optional) and returns a Client with stats$', () => {
    expectTypeOf<WorkerOptions['group']>().toEqualTypeOf<string>();
    expectTypeOf<WorkerOptions['consumer']>().toEqualTypeOf<string>();
    expectTypeOf<WorkerOptions['prefix']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(createWorker).returns.toMatchTypeOf<Client>();
    expectTypeOf(createWorker).returns.toHaveProperty('stats$').toEqualTypeOf<Observable<ScaleOutStats>>();
    // @ts-expect-error consumer is required
    createWorker({ redis: 'redis://127.0.0.1:6379', group: 'bots' });
  });

  it('stats$ carries the counters of pinned detail 4', () => {
    expectTypeOf<keyof ScaleOutStats>().toEqualTypeOf<'published' | 'delivered' | 'redelivered' | 'acked' | 'duplicatesSuppressed' | 'trimmed' | 'overflowed' | 'lag'>();
    expectTypeOf<ScaleOutStats['lag']>().toEqualTypeOf<Readonly<Record<number, number>>>();
  });
});
