import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the receiver answers: 200, an error status, never, or after a delay. */
export type ReceiverBehaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'slow'; delayMs: number };

/** One POST the receiver got. */
export interface ReceivedDelivery {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local webhook receiver on 127.0.0.1. */
export interface WebhookReceiver {
  /** `http://127.0.0.1:PORT` */
  url: string;
  received: ReceivedDelivery[];
  /** What the next requests get; tests change it between runs. */
  behaviour: ReceiverBehaviour;
  close(): Promise<void>;
}

/**
 * A webhook receiver for tests, on 127.0.0.1 and a random port: records every request (path, headers,
 * raw body) and answers as `behaviour` says (200, an error status, never, or after a delay).
 *
 * @example
 * const receiver = await startWebhookReceiver({ kind: 'status', status: 500 });
 */
export async function startWebhookReceiver(
  behaviour: ReceiverBehaviour = { kind: 'ok' },
): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const state: WebhookReceiver = { url: '', received, behaviour, close: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const now = state.behaviour;
      if (now.kind === 'hang') return;
      const answer = (status: number) => {
        res.writeHead(status, { 'Content-Type': 'text/plain' });
        res.end(status < 300 ? 'ok' : 'failed');
      };
      if (now.kind === 'ok') answer(200);
      else if (now.kind === 'status') answer(now.status);
      else setTimeout(() => answer(200), now.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
