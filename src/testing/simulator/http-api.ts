import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringifyWire } from '../../codec/id';
import { authorize } from './auth';
import type { ActionRequest } from './dispatch';
import { failedFrame, RETCODE, type ResponseFrame } from './frames';
import type { Params } from './params';
import type { Persona } from './personas';

/** What the HTTP API needs from the simulator: the token, and the same answering path as the socket. */
export interface HttpApiDeps {
  readonly accessToken: string | undefined;
  /** Path prefix of the server (`/` for none). */
  readonly base: string;
  /** The simulated backend: the shape of its frames and whether an unknown action is HTTP 404. */
  readonly persona: Persona;
  /** Answers a request; `respond` is called with the frames once the reply pipeline releases them. */
  answer(request: ActionRequest, respond: (frames: ResponseFrame[]) => void): void;
}

function actionOf(url: string | undefined, base: string): string {
  const pathname = new URL(url ?? '/', 'http://sim.invalid').pathname;
  const prefix = base.replace(/\/+$/, '');
  const rest = pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length + 1) : pathname.slice(1);
  return decodeURIComponent(rest);
}

function parseParams(body: string): Params | undefined {
  if (body.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : undefined;
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, frame: ResponseFrame, persona: Persona): void {
  const { echo: _echo, ...body } = persona.wire({ ...frame, echo: undefined }) as Record<string, unknown>;
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(stringifyWire(body));
}

/**
 * The OneBot 11 HTTP API on the simulator's port: `POST /<action>` with JSON params, the token as `Bearer`,
 * `Token` or `?access_token=` (401 missing, 403 wrong), 400 for a body that is not a JSON object, 404 with
 * a retcode 1404 body for an unknown action (NapCat; the other backends answer 200 with their failure body), otherwise 200 with the reply frame (the
 * last one for a Stream API action). Returns false for a request that is not a POST.
 */
export function serveHttpApi(req: IncomingMessage, res: ServerResponse, deps: HttpApiDeps): boolean {
  if (req.method !== 'POST') return false;
  const status = authorize(req, deps.accessToken);
  if (status !== 200) {
    res.writeHead(status).end();
    req.resume();
    return true;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('end', () => {
    const params = parseParams(Buffer.concat(chunks).toString('utf8'));
    if (params === undefined) {
      json(res, 400, failedFrame(RETCODE.badParams, 'request body is not a JSON object', null), deps.persona);
      return;
    }
    deps.answer({ action: actionOf(req.url, deps.base), params, echo: undefined }, (frames) => {
      const last = frames[frames.length - 1] ?? failedFrame(RETCODE.failed, 'no answer', null);
      const notFound = deps.persona.httpNotFound && last.retcode === deps.persona.retcodes.unknownAction;
      json(res, notFound ? 404 : 200, last, deps.persona);
    });
  });
  return true;
}
