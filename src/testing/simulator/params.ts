import { fromCq, type SimSegment } from './cq';

/** Raw params of a request. */
export type Params = Record<string, unknown>;

/** Kinds of params a handler reads; NapCat converts `'12'` to 12 and `'true'` to true the same way. */
export type ParamKind = 'id' | 'string' | 'number' | 'boolean' | 'message' | 'any';

/** A handler's params schema: key → kind, with a trailing `?` for optional keys. */
export type ParamSpec = Readonly<Record<string, ParamKind | `${ParamKind}?`>>;

type ValueOf<K> = K extends 'id' | 'number'
  ? number
  : K extends 'string'
    ? string
    : K extends 'boolean'
      ? boolean
      : K extends 'message'
        ? SimSegment[]
        : unknown;

/** The typed params a {@link ParamSpec} reads. */
export type ParamsOf<S extends ParamSpec> = {
  [K in keyof S]: S[K] extends `${infer Kind}?` ? ValueOf<Kind> | undefined : ValueOf<S[K]>;
};

/** Thrown by {@link readParams}: the simulator answers it with `retcode 1400`, as NapCat does. */
export class ParamError extends Error {
  override readonly name = 'ParamError';
}

type Reader = (value: unknown) => { ok: true; value: unknown } | { ok: false; why: string };

const ok = (value: unknown) => ({ ok: true as const, value });
const bad = (why: string) => ({ ok: false as const, why });

const isSegment = (u: unknown): u is SimSegment =>
  typeof u === 'object' && u !== null && typeof (u as SimSegment).type === 'string';

const withData = (segment: SimSegment): SimSegment => ({ type: segment.type, data: segment.data ?? {} });

const READERS: Readonly<Record<ParamKind, Reader>> = {
  id: (v) =>
    typeof v === 'number' && Number.isInteger(v)
      ? ok(v)
      : typeof v === 'string' && /^\d+$/.test(v)
        ? ok(Number(v))
        : bad('Expected string'),
  string: (v) => (typeof v === 'string' ? ok(v) : typeof v === 'number' ? ok(String(v)) : bad('Expected string')),
  number: (v) =>
    typeof v === 'number' ? ok(v) : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? ok(Number(v)) : bad('Expected number'),
  boolean: (v) =>
    typeof v === 'boolean' ? ok(v) : v === 'true' || v === 'false' ? ok(v === 'true') : bad('Expected boolean'),
  message: (v) => {
    if (typeof v === 'string') return ok(fromCq(v));
    if (isSegment(v)) return ok([withData(v)]);
    if (Array.isArray(v) && v.every(isSegment)) return ok(v.map(withData));
    return bad('Expected union value');
  },
  any: (v) => ok(v),
};

function splitKind(kind: string): { base: ParamKind; optional: boolean } {
  const optional = kind.endsWith('?');
  return { base: (optional ? kind.slice(0, -1) : kind) as ParamKind, optional };
}

/**
 * Reads and converts params by a spec; every problem is reported in one {@link ParamError} whose message
 * lists `Key: <name>, Message: <why>` lines like NapCat's schema check.
 *
 * @example
 * readParams({ group_id: '1', duration: 60 }, { group_id: 'id', duration: 'number?' }); // { group_id: 1, duration: 60 }
 */
export function readParams<S extends ParamSpec>(params: Params, spec: S): ParamsOf<S> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, kind] of Object.entries(spec)) {
    const { base, optional } = splitKind(kind);
    const raw = params[key];
    if (raw === undefined || raw === null) {
      if (!optional) problems.push(`Key: ${key}, Message: Expected required property`);
      continue;
    }
    const read = READERS[base](raw);
    if (read.ok) out[key] = read.value;
    else problems.push(`Key: ${key}, Message: ${read.why}`);
  }
  if (problems.length > 0) throw new ParamError(problems.join('\n'));
  return out as ParamsOf<S>;
}
