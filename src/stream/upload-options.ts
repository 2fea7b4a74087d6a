import { InvalidParamsError } from '../errors';
import type { UploadOptions } from './types';

type Check = (value: unknown) => boolean;

const positiveInteger: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const nonNegativeInteger: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const positiveTimeout: Check = (v) => typeof v === 'number' && v > 0; // Infinity: no timeout
const nonEmptyString: Check = (v) => typeof v === 'string' && v !== '';
const boolean: Check = (v) => typeof v === 'boolean';
const sha256Hex: Check = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/i.test(v);

/** Every upload option, its check, and what the check wants (one table: a new option fails typecheck until listed). */
const RULES: { readonly [K in keyof Required<UploadOptions>]: readonly [Check, string] } = {
  streamId: [nonEmptyString, 'a non-empty string'],
  chunkSize: [positiveInteger, 'a positive integer (bytes)'],
  window: [positiveInteger, 'a positive integer (chunks in flight)'],
  expectedSha256: [sha256Hex, '64 hex digits'],
  fileRetention: [nonNegativeInteger, 'an integer ≥ 0 (ms)'],
  filename: [nonEmptyString, 'a non-empty string'],
  reset: [boolean, 'a boolean'],
  verifyOnly: [boolean, 'a boolean'],
  size: [nonNegativeInteger, 'an integer ≥ 0 (bytes)'],
  timeout: [positiveTimeout, 'a number > 0 (ms)'],
};

/**
 * Checks an upload's options before anything is read or sent: a wrong one fails with `InvalidParamsError`
 * naming it (`chunkSize: 0` would never end, `100.5` would skip bytes, `NaN` would hang). `undefined` means
 * the default.
 *
 * @example
 * checkUploadOptions({ chunkSize: 0 }); // InvalidParamsError: invalid params for upload_file_stream: chunkSize must be a positive integer (bytes), got 0
 */
export function checkUploadOptions(options: UploadOptions): InvalidParamsError | undefined {
  for (const [name, [check, wanted]] of Object.entries(RULES) as Array<[keyof UploadOptions, readonly [Check, string]]>) {
    const value = options[name];
    if (value !== undefined && !check(value)) {
      return new InvalidParamsError('upload_file_stream', options, `${name} must be ${wanted}, got ${String(value)}`);
    }
  }
  return undefined;
}
