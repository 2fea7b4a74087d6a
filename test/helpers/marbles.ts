import { configure } from 'rxjs-marbles';
import { expect } from 'vitest';

/** rxjs-marbles wired to vitest's assertions (rxjs-marbles has no vitest adapter of its own). */
export const { marbles } = configure({
  assert: (value: unknown, message: string) => expect(value, message).toBeTruthy(),
  assertDeepEqual: (actual: unknown, expected: unknown) => expect(actual).toStrictEqual(expected),
  frameworkMatcher: true,
});
