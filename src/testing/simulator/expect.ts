import type { ActionCall, ExpectedAction, FailureAnswer } from './types';

/** The answer scripted for a matched call. */
export type ScriptedAnswer = { kind: 'ok'; data: unknown } | { kind: 'failed'; failure: FailureAnswer };

interface Expectation {
  action: string;
  params: Record<string, unknown> | undefined;
  answer: ScriptedAnswer | undefined;
  resolve: (call: ActionCall) => void;
}

const isIdLike = (u: unknown): u is number | string | bigint =>
  typeof u === 'number' || typeof u === 'bigint' || (typeof u === 'string' && /^-?\d+$/.test(u));

/**
 * Whether `actual` deep-contains `expected`: every key of an expected object is contained in the actual one,
 * arrays match element by element, and IDs compare by value (`1 ~ '1' ~ 1n`).
 *
 * @example
 * deepContains({ group_id: 1, message: 'hi', auto_escape: false }, { group_id: '1' }); // true
 */
export function deepContains(actual: unknown, expected: unknown): boolean {
  if (Object.is(actual, expected)) return true;
  if (isIdLike(actual) && isIdLike(expected)) return String(actual) === String(expected);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => deepContains(actual[i], e));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) => deepContains(record[key], value));
  }
  return false;
}

const FAILURE_KEYS = new Set(['retcode', 'message', 'wording']);

/** A `respond` argument of the shape `{ retcode ≠ 0, message?, wording? }` scripts a failure. */
function toAnswer(result: unknown): ScriptedAnswer {
  if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
    const record = result as Record<string, unknown>;
    const retcode = record['retcode'];
    if (typeof retcode === 'number' && retcode !== 0 && Object.keys(record).every((k) => FAILURE_KEYS.has(k))) {
      return { kind: 'failed', failure: record as unknown as FailureAnswer };
    }
  }
  return { kind: 'ok', data: result };
}

/** The pending expectations of a simulator, matched in registration order, each once. */
export class Expectations {
  private readonly pending: Expectation[] = [];

  /** Registers an expectation and returns its Promise-with-`respond`. */
  expect(action: string, params: Record<string, unknown> | undefined): ExpectedAction {
    let resolve!: (call: ActionCall) => void;
    const promise = new Promise<ActionCall>((r) => {
      resolve = r;
    });
    const entry: Expectation = { action, params, answer: undefined, resolve };
    this.pending.push(entry);
    const expected = Object.assign(promise, {
      respond(result: unknown): ExpectedAction {
        entry.answer = toAnswer(result);
        return expected;
      },
      fail(failure: FailureAnswer): ExpectedAction {
        entry.answer = { kind: 'failed', failure };
        return expected;
      },
    });
    return expected;
  }

  /** Consumes the first expectation the call matches; returns its scripted answer, if any. */
  match(call: ActionCall): { matched: boolean; answer: ScriptedAnswer | undefined } {
    const index = this.pending.findIndex(
      (e) => e.action === call.action && (e.params === undefined || deepContains(call.params, e.params)),
    );
    const entry = index < 0 ? undefined : this.pending.splice(index, 1)[0];
    if (!entry) return { matched: false, answer: undefined };
    entry.resolve(call);
    return { matched: true, answer: entry.answer };
  }
}
