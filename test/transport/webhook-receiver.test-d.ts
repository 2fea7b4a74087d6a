import { type IncomingMessage, type RequestListener, type ServerResponse, createServer } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import { type WebhookReceiver, type WebhookRequest, type WebhookResponse, createWebhook } from '../../src/index';

describe('webhook handler typings', () => {
  it('accept Node’s IncomingMessage and ServerResponse through the SDK’s own structural types', () => {
    expectTypeOf<IncomingMessage>().toExtend<WebhookRequest>();
    expectTypeOf<ServerResponse>().toExtend<WebhookResponse>();
  });

  it('let a receiver’s handler be mounted as an http.createServer request listener', () => {
    const receiver = createWebhook({ secret: 'hmac' });
    expectTypeOf(receiver.handler).toExtend<RequestListener>();
    expectTypeOf(createServer(receiver.handler).listen).toBeFunction();
  });

  it('name no Node type in the handler’s parameters', () => {
    expectTypeOf<Parameters<WebhookReceiver['handler']>>().toEqualTypeOf<[WebhookRequest, WebhookResponse]>();
  });
});
