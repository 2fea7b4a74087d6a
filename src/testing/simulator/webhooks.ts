import { signatureOf } from '../../transport/signature';

/** Where the simulator POSTs its events (NapCat's "HTTP client" network). */
export interface WebhookTarget {
  /** The receiver's URL, e.g. `http://127.0.0.1:8081/`. */
  url: string;
  /** HMAC-SHA1 secret: each POST carries `X-Signature: sha1=<hex>` over the raw body. */
  secret?: string;
}

/** One POST's outcome: the HTTP status and the quick operation answered, if any. */
export interface WebhookDelivery {
  readonly status: number;
  readonly operation?: Record<string, unknown>;
}

function parseOperation(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** POSTs one event text to `target`, signed when it has a secret, with `X-Self-ID`. */
export async function postEvent(target: WebhookTarget, text: string, selfId: number): Promise<WebhookDelivery> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Self-ID': String(selfId) };
  if (target.secret) headers['X-Signature'] = signatureOf(target.secret, Buffer.from(text));
  const response = await fetch(target.url, { method: 'POST', headers, body: text });
  const body = await response.text();
  const operation = response.status === 200 ? parseOperation(body) : undefined;
  return operation === undefined ? { status: response.status } : { status: response.status, operation };
}
