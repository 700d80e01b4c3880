/**
 * The HTTP server under each local stand-in: listens on a free loopback port, hands every request
 * to the stand-in, and answers a request that threw with the stand-in's own error shape.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalHttpServer {
  port: number;
  close(): Promise<void>;
}

export async function listenLocally(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  answerFailure: (response: ServerResponse, error: unknown) => void,
): Promise<LocalHttpServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) answerFailure(response, error);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
    },
  };
}
