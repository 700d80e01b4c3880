/** A webhook receiver for tests: a plain node HTTP server that records what it was sent. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Statuses to answer with, in order; 200 once they are used up. */
  answers: number[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(path = '/hooks/recoup'): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const receiver: Partial<WebhookReceiver> = { received, answers: [] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(receiver.answers!.shift() ?? 200, { 'content-type': 'text/plain' });
      response.end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const port = (server.address() as AddressInfo).port;
  receiver.url = `http://localhost:${port}${path}`;
  receiver.close = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return receiver as WebhookReceiver;
}
