import * as z from 'zod/mini';
import '../../zod'; // zod/mini's English messages, before any of these schemas parses
import { defineRoute } from '../route';

export const health = defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/health',
  handlerEntry: 'functions/api/health/get-health.ts',
  summary: 'Liveness check',
  tag: 'System',
  auth: { kind: 'public' },
  request: {},
  responses: { 200: { description: 'Service is up', schema: z.object({ status: z.literal('ok') }) } },
});

export const openApiDocument = defineRoute({
  id: 'getOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  handlerEntry: 'functions/api/openapi/get-openapi.ts',
  summary: 'This OpenAPI 3.1 document',
  tag: 'System',
  auth: { kind: 'public' },
  request: {},
  responses: { 200: { description: 'OpenAPI 3.1 document' } },
});
