/**
 * Lossless JSON for 64-bit IDs. `JSON.parse` rounds integers beyond 2^53; the frame decoder calls
 * {@link parseLossless} only for the rare frame whose ID fields failed `Number.isSafeInteger`, so the common
 * path pays nothing.
 */

const MAX_SAFE_DIGITS = 15; // every integer of 15 digits or fewer is safe

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Rewrites JSON text so that every integer literal that is not a safe integer becomes a string of its exact
 * digits (`12345678901234567890` → `"12345678901234567890"`). Strings, fractions and exponents are untouched.
 */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = skipString(text, i);
      continue;
    }
    if (c === 45 || isDigit(c)) {
      const start = i;
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      const isInteger = next !== 46 && next !== 101 && next !== 69; // no '.', 'e', 'E'
      const digits = i - start - (c === 45 ? 1 : 0);
      if (isInteger && digits > MAX_SAFE_DIGITS && !Number.isSafeInteger(Number(text.slice(start, i)))) {
        out += `${text.slice(copiedUpTo, start)}"${text.slice(start, i)}"`;
        copiedUpTo = i;
      }
      while (i < n && !isStructural(text.charCodeAt(i))) i++;
      continue;
    }
    i++;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

function isStructural(code: number): boolean {
  return code === 44 || code === 93 || code === 125 || code === 32 || code === 10 || code === 13 || code === 9;
}

function skipString(text: string, quote: number): number {
  let i = quote + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34) return i + 1;
    else i++;
  }
  return n;
}

/** Whether the text holds an integer literal long enough to be unsafe (cheap pre-check). */
export function mayHoldUnsafeInteger(text: string): boolean {
  return /\d{16}/.test(text);
}

/**
 * The `data` of the reply frame `text`, already parsed as `data`, with every integer beyond 2^53 as its exact
 * digits (re-read from the text only when it may hold one): what an uncatalogued call's result is.
 */
export function replyDataLossless(text: string, data: unknown): unknown {
  return mayHoldUnsafeInteger(text) ? (parseLossless(text) as { data?: unknown }).data : data;
}

/** `JSON.parse` that keeps integers beyond 2^53 as exact digit strings. */
export function parseLossless(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}
