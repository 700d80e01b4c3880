/**
 * The local HTTP server: the API routes of the route table through the same Lambda handlers
 * (requests become API Gateway v2 events, bearer tokens are verified like the JWT authorizer
 * does), the local-only `/dev/*` routes, and the built web apps under `/`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { HttpProblem, problem, type Problem } from '../../shared/http/problem';
import type { RouteDefinition } from '../../shared/http/route';
import { MAX_BODY_BYTES } from '../../shared/http/parse-request';
import type { Clock } from '../../shared/ports/clock';
import type { LocalTokenIssuer } from '../auth/local-token-issuer';
import { apiGatewayEvent, lambdaContext } from './api-gateway-event';
import type { DevRoutes } from './dev-routes';
import { matchRoute } from './route-matcher';
import { serveWebAsset } from './web-assets';
import type { LocalCognito } from '../auth/local-cognito';
import type { LocalHostedUi } from '../auth/local-hosted-ui';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface LocalServerOptions {
  projectRoot: string;
  routes: readonly RouteDefinition[];
  issuer: LocalTokenIssuer;
  clock: Clock;
  devRoutes: DevRoutes;
  /** The user-pool stand-in the portal signs in with (`/dev/cognito-idp`). */
  cognito: LocalCognito;
  /** The hosted sign-in stand-in the console signs in with (`/dev/oauth2/*`). */
  hostedUi: LocalHostedUi;
  /** The web apps' runtime configuration (`/config.json`), for the origin they were loaded from. */
  webConfig: (origin: string) => unknown;
  /** Awaited before a response is sent (the local workflows settle). */
  afterRequest?: () => Promise<void>;
}

export function createLocalServer(options: LocalServerOptions): Server {
  const handlers = new Map<string, Promise<Handler>>();
  const loadHandler = (route: RouteDefinition): Promise<Handler> => {
    let handler = handlers.get(route.id);
    if (!handler) {
      handler = import(join(options.projectRoot, route.handlerEntry)).then(
        (module: { handler: Handler }) => module.handler,
      );
      handlers.set(route.id, handler);
    }
    return handler;
  };

  const webDist = join(options.projectRoot, 'web', 'dist');

  return createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      const status = error instanceof HttpProblem ? error.status : 500;
      if (status === 500) console.error('local server error', error);
      sendProblem(response, error instanceof HttpProblem ? error.toProblem() : problem(500));
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = (request.method ?? 'GET').toUpperCase();
    const body = await readBody(request);

    if (url.pathname === '/config.json' && method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
      response.end(JSON.stringify(options.webConfig(`http://${request.headers.host ?? 'localhost'}`)));
      return;
    }
    if (url.pathname === '/dev/oauth2/authorize' || url.pathname === '/dev/oauth2/token') {
      const form = new URLSearchParams(body);
      const answer =
        url.pathname === '/dev/oauth2/token' && method === 'POST'
          ? await options.hostedUi.token(form)
          : options.hostedUi.authorize(method, url.searchParams, form);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
    if (url.pathname === '/dev/cognito-idp' && method === 'POST') {
      const target = request.headers['x-amz-target'];
      const answer = await options.cognito.handle(
        typeof target === 'string' ? target : undefined,
        (body ? parseJson(body) : {}) as Record<string, unknown>,
      );
      response.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(answer.body));
      return;
    }
    if (url.pathname.startsWith('/dev/')) {
      const parsed = body ? parseJson(body) : {};
      const result = await options.devRoutes.handle(
        method,
        url.pathname,
        url.searchParams,
        parsed,
        request.headers.accept ?? '',
      );
      const text =
        typeof result.body === 'string' || Buffer.isBuffer(result.body)
          ? result.body
          : JSON.stringify(result.body);
      response.writeHead(result.status, { 'content-type': result.contentType ?? 'application/json' });
      response.end(text);
      return;
    }

    const match = matchRoute(options.routes, method, url.pathname);
    if (match === undefined && method === 'GET' && serveWebAsset(webDist, url.pathname, response)) return;
    if (match === undefined) throw new HttpProblem(404, `No route ${method} ${url.pathname}`);
    if (match === 'method-not-allowed')
      throw new HttpProblem(405, `${method} is not allowed on ${url.pathname}`);

    let claims: Record<string, unknown> | undefined;
    if (match.route.auth.kind === 'jwt') {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      claims = token ? await options.issuer.verify(token) : undefined;
      if (!claims) throw new HttpProblem(401, 'A valid bearer token is required');
    }
    const event = apiGatewayEvent(
      match.route,
      {
        method,
        path: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ''),
        headers: request.headers,
        body,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      },
      match.pathParameters,
      claims,
      options.clock.now(),
    );
    const handler = await loadHandler(match.route);
    const result = await handler(event, lambdaContext(match.route.id));
    await options.afterRequest?.();
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
    response.end(result.body ?? '');
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    // API Gateway refuses payloads over 10 MB before any Lambda runs; the handler's own limit is lower.
    if (size > 10 * MAX_BODY_BYTES) throw new HttpProblem(413, 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'The body is not valid JSON', [{ path: 'body', message: 'malformed JSON' }]);
  }
}

function sendProblem(response: ServerResponse, value: Problem): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(value.status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify(value));
}
