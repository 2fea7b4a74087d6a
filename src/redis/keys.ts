/** Default key prefix of a deployment. */
export const DEFAULT_PREFIX = 'onebot';

/** Default number of event partitions (fixed per deployment: every gateway and worker must agree). */
export const DEFAULT_PARTITIONS = 16;

/** The Redis key names of one deployment, all under one prefix (so one Redis can host several). */
export interface Keys {
  /** Stream of the events of one partition. */
  events(partition: number): string;
  /** Stream of the actions for one account. */
  actions(selfId: string): string;
  /** Stream a worker's replies are added to (read without removing: a read lost with the connection is read again). */
  replies(instance: string): string;
  /** Lease of a partition (value `<owner>|<epoch>`, with an expiry). */
  lease(partition: number): string;
  /** Fencing epoch of a partition (incremented on every acquisition). */
  epoch(partition: number): string;
  /** Idempotency record of one action key. */
  idempotency(key: string): string;
  /** Sorted set of live workers (score: when their membership expires). */
  readonly members: string;
  /** Set of the accounts the gateways hold. */
  readonly accounts: string;
  /** Hash of the deployment-wide counters (re-deliveries, duplicates suppressed, trimmed entries). */
  readonly stats: string;
}

/** The key names under `prefix`. */
export function keysOf(prefix: string): Keys {
  const streams: string[] = []; // made once per partition: the name is asked for on every XADD, read and ack
  return {
    events: (partition) => streams[partition] ?? (streams[partition] = `${prefix}:events:${partition}`),
    actions: (selfId) => `${prefix}:actions:${selfId}`,
    replies: (instance) => `${prefix}:replies:${instance}`,
    lease: (partition) => `${prefix}:lease:${partition}`,
    epoch: (partition) => `${prefix}:epoch:${partition}`,
    idempotency: (key) => `${prefix}:idem:${key}`,
    members: `${prefix}:members`,
    accounts: `${prefix}:accounts`,
    stats: `${prefix}:stats`,
  };
}
