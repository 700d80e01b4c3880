/** Generates the OpenAPI 3.1 document from the route table and its zod schemas. */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { problemSchema } from './schemas/common';
import type { RouteDefinition } from './route';

const ERROR_RESPONSES: Record<number, string> = {
  400: 'Invalid input: the problem lists each field and reason',
  401: 'Missing or invalid bearer token',
  403: 'The caller role may not do this',
  404: 'Not found (also for ids of another tenant)',
  409: 'Version conflict or duplicate',
  422: 'A business rule refuses the request',
};

export function openApiDocumentFor(routes: readonly RouteDefinition[]) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Cognito access token carrying tenant_id and cognito:groups',
  });
  for (const route of routes) {
    const secured = route.auth.kind === 'jwt';
    const headers: z.ZodType[] = [];
    if (route.idempotent) {
      headers.push(
        z.object({
          'idempotency-key': z
            .string()
            .max(255)
            .optional()
            .meta({ description: 'Repeat-safe key: a retry returns the first response' }),
        }),
      );
    }
    if (route.conditional) {
      headers.push(
        z.object({
          'if-match': z
            .string()
            .optional()
            .meta({ description: 'Version last read (ETag); 409 on mismatch' }),
        }),
      );
    }
    registry.registerPath({
      method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: route.path,
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      ...(secured
        ? {
            security: [{ [bearer.name]: [] }],
            description: `Roles: ${route.auth.kind === 'jwt' ? route.auth.roles.join(', ') : ''}`,
          }
        : {}),
      request: {
        ...(route.request.params ? { params: route.request.params as z.ZodObject } : {}),
        ...(route.request.query ? { query: route.request.query as z.ZodObject } : {}),
        ...(headers.length > 0 ? { headers: headers as z.ZodObject[] } : {}),
        ...(route.request.body
          ? { body: { required: true, content: { 'application/json': { schema: route.request.body } } } }
          : {}),
      },
      responses: {
        ...Object.fromEntries(
          Object.entries(route.responses).map(([status, response]) => [
            status,
            {
              description: response.description,
              ...(response.schema
                ? { content: { [response.mediaType ?? 'application/json']: { schema: response.schema } } }
                : {}),
            },
          ]),
        ),
        ...Object.fromEntries(
          Object.entries(ERROR_RESPONSES)
            .filter(([status]) => secured || status === '400')
            .map(([status, description]) => [
              status,
              { description, content: { 'application/problem+json': { schema: problemSchema } } },
            ]),
        ),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Recoup API',
      version: '1.0.0',
      description:
        'Debt collection and accounts receivable. Money is integer minor units with an ISO 4217 currency.',
    },
    servers: [{ url: '/' }],
  });
}
