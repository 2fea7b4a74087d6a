import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, completePolicy, DEFAULT_RECONNECT_POLICY } from '../../src/transport/backoff';

const noJitter = completePolicy({ initialDelay: 100, maxDelay: 1_000, factor: 2, jitter: 0 });

describe('backoffDelay', () => {
  it('grows from initialDelay by factor per attempt', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, noJitter, Math.random))).toEqual([100, 200, 400, 800]);
  });

  it('stops growing at maxDelay, even for huge attempt numbers', () => {
    expect([5, 6, 50, 5_000].map((n) => backoffDelay(n, noJitter, Math.random))).toEqual([1_000, 1_000, 1_000, 1_000]);
  });

  it('spreads by exactly ± jitter at the extremes of random', () => {
    const policy = completePolicy({ initialDelay: 1_000, maxDelay: 10_000, jitter: 0.2 });
    expect(backoffDelay(1, policy, () => 0)).toBe(800);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(1_000);
    expect(backoffDelay(1, policy, () => 0.999_999_9)).toBe(1_200);
  });

  it('stays within [base × (1 − jitter), min(maxDelay, base × (1 + jitter))] for any policy and random', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, initialDelay, maxDelay, factor, jitter, r) => {
          const policy = completePolicy({ initialDelay, maxDelay, factor, jitter });
          const base = Math.min(maxDelay, initialDelay * factor ** (attempt - 1));
          const delay = backoffDelay(attempt, policy, () => r);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - jitter)));
          expect(delay).toBeLessThanOrEqual(Math.ceil(Math.min(maxDelay, base * (1 + jitter))));
        },
      ),
    );
  });
});

describe('completePolicy', () => {
  it('fills the API defaults', () => {
    expect(completePolicy()).toEqual({
      initialDelay: 1_000,
      maxDelay: 30_000,
      factor: 2,
      jitter: 0.2,
      maxAttempts: Infinity,
      resetAfter: 60_000,
    });
  });

  it('keeps given fields, ignores undefined ones and never changes the defaults', () => {
    expect(completePolicy({ maxAttempts: 3, initialDelay: undefined })).toMatchObject({
      maxAttempts: 3,
      initialDelay: 1_000,
    });
    expect(DEFAULT_RECONNECT_POLICY.maxAttempts).toBe(Infinity);
  });
});
