import { CODE_START, escape, parse, stringify, unescape } from '../codec/cq-code';
import type { Segment } from '../codec/segment';

/** Whether the literal text so far leaves a `[CQ:` code open, so the next interpolation is a value. */
function insideCode(literal: string, wasInside: boolean): boolean {
  const open = literal.lastIndexOf(CODE_START);
  const close = literal.lastIndexOf(']');
  if (open < 0 && close < 0) return wasInside;
  return open > close;
}

function interpolation(value: unknown, inParam: boolean): string {
  if (Array.isArray(value)) return stringify(value as Segment[]);
  if (typeof value === 'object' && value !== null && 'type' in value && 'data' in value) {
    return stringify([value as Segment]);
  }
  return escape(String(value), inParam);
}

/**
 * Tag for CQ strings: the literal parts are CQ code, each interpolation is escaped (as a value inside a
 * code, as text elsewhere), and an interpolated segment or segment array is written as CQ code. The result
 * is a string for `auto_escape: false` sending.
 */
function tag(literals: TemplateStringsArray, ...values: unknown[]): string {
  let out = literals[0] as string;
  let inParam = insideCode(out, false);
  values.forEach((value, i) => {
    const literal = literals[i + 1] as string;
    out += interpolation(value, inParam) + literal;
    inParam = insideCode(literal, inParam);
  });
  return out;
}

/** The `cq` tag with the CQ code functions attached. */
export interface Cq {
  (literals: TemplateStringsArray, ...values: unknown[]): string;
  /** Parses a CQ string into segments; never throws. */
  parse: typeof parse;
  /** Writes segments as a CQ string; throws `TypeError` on nested values. */
  stringify: typeof stringify;
  /** Escapes text (or, with `inParam`, a code's value) for CQ code. */
  escape: typeof escape;
  /** Undoes `escape`. */
  unescape: typeof unescape;
}

/**
 * CQ code: `cq.parse`, `cq.stringify`, `cq.escape`, `cq.unescape`, and `cq` itself as a template tag
 * whose interpolations are escaped, so user input stays text.
 *
 * @example
 * const text = cq`hello ${name} [CQ:face,id=14]`; // name '[CQ:at,qq=all]' stays text
 * client.sendMessage({ message_type: 'group', group_id, message: text, auto_escape: false });
 * cq.parse('[CQ:at,qq=10001] hi'); // [{ type: 'at', data: { qq: '10001' } }, { type: 'text', ... }]
 */
export const cq: Cq = Object.assign(tag, { parse, stringify, escape, unescape });
