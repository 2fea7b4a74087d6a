import { describe, expectTypeOf, it } from 'vitest';
import type { CallMeta, CallSocket } from '../../src/action/types';
import type { SendMeta, SocketOpen } from '../../src/transport/types';

describe("the caller's view of a socket", () => {
  it('is what a transport SocketOpen offers, with the same call metadata', () => {
    expectTypeOf<SocketOpen>().toExtend<CallSocket>();
    expectTypeOf<CallMeta>().toEqualTypeOf<SendMeta>();
  });
});
