/**
 * onebot-rx/testing for browsers (the `browser` export condition): the marble kit alone. `createTestClient`
 * runs bot logic on a `TestScheduler` without sockets; the simulator needs Node (`ws`, `node:http`) and is
 * not here.
 *
 * @example
 * import { createTestClient } from 'onebot-rx/testing'; // resolves here in a browser bundle
 * const client = createTestClient({ events: of(pingEvent) });
 *
 * @packageDocumentation
 */
export {
  createTestClient,
  defaultAnswers,
  type ActionAnswers,
  type TestCall,
  type TestClient,
  type TestClientOptions,
} from './test-client';
