import { READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import {
  createTemplateBody,
  previewBody,
  previewView,
  templateList,
  templateParams,
  templateQuery,
  templateView,
  updateTemplateBody,
} from '../schemas/templates';

const EDITORS = ['admin', 'manager'] as const;

export const createTemplate = defineRoute({
  id: 'createTemplate',
  method: 'POST',
  path: '/v1/templates',
  handlerEntry: 'functions/api/templates/create-template.ts',
  summary: 'Create a message template for a key, channel and language (policy steps name the key)',
  tag: 'Templates',
  auth: { kind: 'jwt', roles: [...EDITORS] },
  request: { body: createTemplateBody },
  responses: { 201: { description: 'The template, version 1', schema: templateView } },
  idempotent: true,
});

export const listTemplates = defineRoute({
  id: 'listTemplates',
  method: 'GET',
  path: '/v1/templates',
  handlerEntry: 'functions/api/templates/list-templates.ts',
  summary: "The tenant's message templates at their current versions",
  tag: 'Templates',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: {},
  responses: { 200: { description: 'Templates', schema: templateList } },
});

export const getTemplate = defineRoute({
  id: 'getTemplate',
  method: 'GET',
  path: '/v1/templates/{id}',
  handlerEntry: 'functions/api/templates/get-template.ts',
  summary: 'A template, current or at a version',
  tag: 'Templates',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: templateParams, query: templateQuery },
  responses: { 200: { description: 'The template', schema: templateView } },
});

export const updateTemplate = defineRoute({
  id: 'updateTemplate',
  method: 'PUT',
  path: '/v1/templates/{id}',
  handlerEntry: 'functions/api/templates/update-template.ts',
  summary: "Replace a template's text as its next version (If-Match for optimistic concurrency)",
  tag: 'Templates',
  auth: { kind: 'jwt', roles: [...EDITORS] },
  request: { params: templateParams, body: updateTemplateBody },
  responses: { 200: { description: 'The new version', schema: templateView } },
  conditional: true,
});

export const previewTemplate = defineRoute({
  id: 'previewTemplate',
  method: 'POST',
  path: '/v1/templates/{id}/preview',
  handlerEntry: 'functions/api/templates/preview-template.ts',
  summary: 'Render a template for a debtor (or sample data) with the footers the compliance gate requires',
  tag: 'Templates',
  auth: { kind: 'jwt', roles: ['admin', 'manager', 'collector'] },
  request: { params: templateParams, body: previewBody },
  responses: { 200: { description: 'The message as it would be sent', schema: previewView } },
});
