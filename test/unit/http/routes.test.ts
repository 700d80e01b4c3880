import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../shared/http/idempotency';
import { openApiDocumentFor } from '../../../shared/http/openapi';
import { apiRoutes } from '../../../shared/http/routes';
import { matchRoute } from '../../../local/server/route-matcher';

describe('route table', () => {
  it('has unique ids and method+path pairs, and every handler entry exists', () => {
    expect(new Set(apiRoutes.map((r) => r.id)).size).toBe(apiRoutes.length);
    expect(new Set(apiRoutes.map((r) => `${r.method} ${r.path}`)).size).toBe(apiRoutes.length);
    for (const route of apiRoutes)
      expect(existsSync(join(__dirname, '../../..', route.handlerEntry))).toBe(true);
  });

  it('never deploys a local-only route', () => {
    expect(apiRoutes.filter((route) => route.path.startsWith('/dev'))).toEqual([]);
  });

  it('documents every route in OpenAPI 3.1 with its problems', () => {
    const document = openApiDocumentFor(apiRoutes);
    expect(document.openapi).toBe('3.1.0');
    for (const route of apiRoutes) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(operation?.operationId).toBe(route.id);
      if (route.auth.kind === 'jwt') expect(operation?.responses?.['403']).toBeDefined();
    }
    expect(document.components?.schemas?.Debtor).toBeDefined();
  });

  it('is a self-contained document: every reference resolves, every path parameter is declared once', () => {
    const document = openApiDocumentFor(apiRoutes);
    const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.replace('#/components/schemas/', '')]).toBeDefined();
    }
    for (const [path, operations] of Object.entries(document.paths ?? {})) {
      const named = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      for (const operation of Object.values(operations as Record<string, { parameters?: any[] }>)) {
        const parameters = operation.parameters ?? [];
        const inPath = parameters.filter((parameter) => parameter.in === 'path');
        expect({ path, declared: inPath.map((parameter) => parameter.name).sort() }).toEqual({
          path,
          declared: [...named].sort(),
        });
        expect(inPath.every((parameter) => parameter.required === true)).toBe(true);
        const keys = parameters.map((parameter) => `${parameter.in}:${parameter.name}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });

  it('closes request bodies to unknown fields but leaves responses open to new ones', () => {
    const schemas = openApiDocumentFor(apiRoutes).components?.schemas as Record<
      string,
      Record<string, unknown>
    >;
    expect(schemas.CreateDebtor?.additionalProperties).toBe(false);
    expect(schemas.Debtor).toBeDefined();
    expect(schemas.Debtor?.additionalProperties).toBeUndefined();
    expect(schemas.Problem ?? {}).not.toHaveProperty('additionalProperties');
  });

  it('describes the CSV exports as text/csv, and everything else as JSON', () => {
    const document = openApiDocumentFor(apiRoutes);
    const mediaTypes = (path: string) =>
      Object.keys((document.paths?.[path]?.get?.responses?.['200'] as { content?: object })?.content ?? {});
    for (const path of ['/v1/exports/aging.csv', '/v1/exports/metrics.csv', '/v1/debtors/{id}/ledger.csv']) {
      expect(mediaTypes(path)).toEqual(['text/csv; charset=utf-8']);
    }
    expect(mediaTypes('/v1/metrics')).toEqual(['application/json']);
  });

  it('tells the webhook routes from the Stripe webhook', () => {
    const created = matchRoute(apiRoutes, 'POST', '/v1/webhooks');
    expect(created !== 'method-not-allowed' && created?.route.id).toBe('createWebhook');
    const stripe = matchRoute(apiRoutes, 'POST', '/v1/webhooks/stripe');
    expect(stripe !== 'method-not-allowed' && stripe?.route.id).toBe('paymentWebhook');
    const read = matchRoute(apiRoutes, 'GET', '/v1/webhooks/whk_01JD7X2M4K8Q9R3S5T6V7W8X9Y');
    expect(read !== 'method-not-allowed' && read?.route.id).toBe('getWebhook');
  });

  it('matches static segments before parameters and tells 405 from 404', () => {
    const match = matchRoute(apiRoutes, 'GET', '/v1/debtors/dbt_1/invoices');
    expect(match !== 'method-not-allowed' && match?.route.id).toBe('listDebtorInvoices');
    expect(matchRoute(apiRoutes, 'DELETE', '/v1/debtors')).toBe('method-not-allowed');
    expect(matchRoute(apiRoutes, 'GET', '/v2/debtors')).toBeUndefined();
  });

  it('hashes request bodies independently of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
