/**
 * Generates the OpenAPI 3.1 document from the route table and its zod schemas, through zod's own
 * JSON Schema conversion (the schemas are zod/mini, which OpenAPI libraries built on classic zod
 * cannot read). A schema whose meta has an `id` becomes `#/components/schemas/<id>`.
 */
import * as z from 'zod/mini';
import { problemSchema } from './schemas/common';
import type { RouteDefinition } from './route';

type JsonSchema = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Response {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}
interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  security?: Record<string, string[]>[];
  description?: string;
  parameters?: JsonSchema[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, Response>;
}

const ERROR_RESPONSES: Record<number, string> = {
  400: 'Invalid input: the problem lists each field and reason',
  401: 'Missing or invalid bearer token',
  403: 'The caller role may not do this',
  404: 'Not found (also for ids of another tenant)',
  409: 'Version conflict or duplicate',
  422: 'A business rule refuses the request',
};

const HEADERS = {
  idempotency: {
    name: 'idempotency-key',
    schema: {
      type: 'string',
      maxLength: 255,
      description: 'Repeat-safe key: a retry returns the first response',
    },
  },
  ifMatch: {
    name: 'if-match',
    schema: { type: 'string', description: 'Version last read (ETag); 409 on mismatch' },
  },
};

/** Converts schemas, collecting the ones with an id as components. */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  /** Requests are documented as the input they accept, responses as the output they give. */
  toJson(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      // zod closes every object it describes as output; only strict objects are closed in Recoup,
      // so a response may gain fields without a client that validates it calling that a break.
      override: ({ zodSchema, jsonSchema }) => {
        const definition = zodSchema._zod.def as { type: string; catchall?: unknown };
        if (io === 'output' && definition.type === 'object' && definition.catchall === undefined) {
          delete jsonSchema.additionalProperties;
        }
      },
    });
    const {
      $schema: _dialect,
      $defs,
      ...rest
    } = JSON.parse(
      JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [id, definition] of Object.entries($defs ?? {})) {
      const known = this.schemas[id];
      // One id, one component: a schema read differently as input and as output (a default, a
      // transform) needs an id of its own for each.
      if (known && JSON.stringify(known) !== JSON.stringify(definition)) {
        throw new Error(`Schema ${id} differs as request and as response; give each form its own id`);
      }
      this.schemas[id] = definition;
    }
    return rest;
  }

  /** Path, query or header parameters: one per field of the object schema. */
  parameters(schema: z.ZodMiniType, location: 'path' | 'query'): JsonSchema[] {
    const shape = (schema as z.ZodMiniObject)._zod.def.shape;
    return Object.entries(shape).map(([name, field]) => {
      const fieldSchema = this.toJson(field as z.ZodMiniType, 'input');
      const optional = location !== 'path' && (field as z.ZodMiniType)._zod.optin !== undefined;
      return parameter(name, location, fieldSchema, !optional);
    });
  }
}

function parameter(name: string, location: string, schema: JsonSchema, required: boolean): JsonSchema {
  return {
    schema,
    required,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    name,
    in: location,
  };
}

export function openApiDocumentFor(routes: readonly RouteDefinition[]) {
  const components = new Components();
  const problem = components.toJson(problemSchema, 'output');
  const paths: Record<string, Partial<Record<Method, Operation>>> = {};
  for (const route of routes) {
    const secured = route.auth.kind === 'jwt';
    const parameters = [
      ...(route.request.params ? components.parameters(route.request.params, 'path') : []),
      ...(route.request.query ? components.parameters(route.request.query, 'query') : []),
      ...(route.idempotent ? [HEADERS.idempotency] : []).map((h) =>
        parameter(h.name, 'header', h.schema, false),
      ),
      ...(route.conditional ? [HEADERS.ifMatch] : []).map((h) =>
        parameter(h.name, 'header', h.schema, false),
      ),
    ];
    const responses: Record<string, Response> = Object.fromEntries(
      Object.entries(route.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema
            ? {
                content: {
                  [response.mediaType ?? 'application/json']: {
                    schema: components.toJson(response.schema, 'output'),
                  },
                },
              }
            : {}),
        },
      ]),
    );
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      if (secured || status === '400')
        responses[status] = { description, content: { 'application/problem+json': { schema: problem } } };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase() as Method] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      ...(secured
        ? {
            security: [{ bearer: [] }],
            description: `Roles: ${route.auth.kind === 'jwt' ? route.auth.roles.join(', ') : ''}`,
          }
        : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.request.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: components.toJson(route.request.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Recoup API',
      version: '1.0.0',
      description:
        'Debt collection and accounts receivable. Money is integer minor units with an ISO 4217 currency.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito access token carrying tenant_id and cognito:groups',
        },
      },
      schemas: components.schemas,
    },
    paths,
  };
}
