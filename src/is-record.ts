/** Whether `u` is a plain JSON object (not `null`, not an array): the first check of every frame and codec. */
export function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}
