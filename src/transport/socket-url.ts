/**
 * The socket URL and the access token: where the token goes, and how to keep it out of messages and logs.
 */

/**
 * The URL with `access_token=<token>` appended to its query (URL-encoded), for servers that take the token
 * there and for WebSocket implementations that cannot set headers.
 *
 * @example
 * withAccessToken('ws://127.0.0.1:3001/?a=1', 's e') // 'ws://127.0.0.1:3001/?a=1&access_token=s%20e'
 */
export function withAccessToken(url: string, token: string): string {
  const parsed = new URL(url);
  const param = `access_token=${encodeURIComponent(token)}`;
  parsed.search = parsed.search.length > 1 ? `${parsed.search}&${param}` : `?${param}`;
  return parsed.toString();
}

/**
 * The URL as safe to print: without credentials, query or fragment (where tokens live).
 *
 * @example
 * displayUrl('ws://u:p@host:3001/onebot?access_token=x') // 'ws://host:3001/onebot'
 */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}

/** Every spelling of the token that could leak into a message: as given and URL-encoded both ways. */
function spellingsOf(token: string): string[] {
  const forms = new Set([token, encodeURIComponent(token), new URLSearchParams({ t: token }).toString().slice(2)]);
  return [...forms].filter((form) => form.length > 0);
}

/** `text` with every occurrence of the token replaced by `***`. */
export function redactText(text: string, token: string | undefined): string {
  if (!token) return text;
  let redacted = text;
  for (const form of spellingsOf(token)) redacted = redacted.split(form).join('***');
  return redacted;
}

/**
 * The error itself when its message does not contain the token, otherwise a plain `Error` with the same
 * name and a redacted message (the original, which still holds the token, is dropped).
 */
export function redactError(error: unknown, token: string | undefined): unknown {
  if (!token || !(error instanceof Error) || !mentions(error, token)) return error;
  const copy = new Error(redactText(error.message, token));
  copy.name = error.name;
  return copy;
}

/** Whether the message, the stack or any own string field of `error` holds the token in some spelling. */
function mentions(error: Error, token: string): boolean {
  const texts = [error.message, error.stack, ...Object.values(error)].filter((v) => typeof v === 'string');
  return texts.some((text) => redactText(text, token) !== text);
}
