/** A NapCat response frame, field for field in NapCat's order. */
export interface ResponseFrame {
  status: 'ok' | 'failed';
  retcode: number;
  data: unknown;
  message: string;
  wording: string;
  echo: unknown;
  stream: 'normal-action' | 'stream-action';
}

/** A success frame: `status 'ok'`, `retcode 0`, empty message. */
export function okFrame(data: unknown, echo: unknown): ResponseFrame {
  return { status: 'ok', retcode: 0, data, message: '', wording: '', echo, stream: 'normal-action' };
}

/** A failure frame: `status 'failed'`, `data null`, the message repeated in `wording` unless given. */
export function failedFrame(retcode: number, message: string, echo: unknown, wording = message): ResponseFrame {
  return { status: 'failed', retcode, data: null, message, wording, echo, stream: 'normal-action' };
}

/** One frame of a Stream API reply: `status 'ok'`, `retcode 0`, `stream 'stream-action'`. */
export function streamFrame(data: object, echo: unknown): ResponseFrame {
  return { ...okFrame(data, echo), stream: 'stream-action' };
}

/** The error frame ending a Stream API reply: `data: { type: 'error', data_type: 'error' }`. */
export function streamErrorFrame(retcode: number, message: string, echo: unknown): ResponseFrame {
  return { ...failedFrame(retcode, message, echo), data: { type: 'error', data_type: 'error' }, stream: 'stream-action' };
}

/** NapCat's retcodes over forward WebSocket. */
export const RETCODE = {
  /** Parameter check failed, or the request was not JSON. */
  badParams: 1400,
  /** The handler threw. */
  failed: 1200,
  /** No such action. */
  unknownAction: 1404,
} as const;
