/**
 * CloudFormation refuses a stack of more than 500 resources. Each API route costs about nine, so
 * the routes live in nested stacks, one per route group (tag); these tests keep every stack below
 * 450 — headroom for the workflow, schedule and messaging functions to come — and check that the
 * split loses or duplicates no route.
 */
import { type CfnElement, NestedStack, type Stack } from 'aws-cdk-lib';
import { MAX_ROUTES_PER_STACK, type RouteStack, routeGroups } from '../../infra/constructs/route-stack';
import type { RouteDefinition } from '../../shared/http/route';
import { apiRoutes, health } from '../../shared/http/routes';
import { logicalIdOf, type Resources, resourcesOfType, synthesize, type Synthesized } from './synth';

const RESOURCE_BUDGET = 450;

const resourceCount = (synthesized: Synthesized, stack: Stack) =>
  Object.keys(synthesized.templateOf(stack).toJSON().Resources ?? {}).length;

/** Stacks over the budget, as `path: count`, so a failure names them. */
const overBudget = (synthesized: Synthesized) =>
  synthesized.stacks
    .map((stack) => ({ path: stack.node.path, resources: resourceCount(synthesized, stack) }))
    .filter((stack) => stack.resources > RESOURCE_BUDGET)
    .map((stack) => `${stack.path}: ${stack.resources}`);

describe.each([
  ['dev', { stage: 'dev', alarmEmail: 'ops@example.com' }],
  [
    'prod with federation and CORS',
    {
      stage: 'prod',
      alarmEmail: 'ops@example.com',
      samlMetadataUrl: 'https://idp.acme.example/metadata.xml',
      samlTenantId: 'acme',
      oidcIssuer: 'https://login.globex.example',
      oidcClientId: 'recoup-client',
      oidcClientSecretName: 'recoup/globex-oidc',
      oidcTenantId: 'globex',
      corsOrigins: 'https://app.example.com',
    },
  ],
] as const)('%s', (_name, context) => {
  let synthesized: Synthesized;
  let routeStacks: readonly RouteStack[];
  beforeAll(() => {
    synthesized = synthesize(context);
    routeStacks = synthesized.stack.api.routeStacks;
  });

  it(`has no stack, parent or nested, with more than ${RESOURCE_BUDGET} resources`, () => {
    // Every stack in the construct tree, not only the route groups: later nested stacks count too.
    const nested = synthesized.stacks.filter((stack) => NestedStack.isNestedStack(stack));
    expect(nested.length).toBeGreaterThan(0);
    for (const routeStack of routeStacks) expect(nested).toContain(routeStack);
    expect(synthesized.stacks).toContain(synthesized.stack);
    expect(overBudget(synthesized)).toEqual([]);
  });

  it('keeps the per-route resources out of the parent stack', () => {
    const parent = synthesized.template;
    parent.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
    parent.resourceCountIs('AWS::ApiGatewayV2::Integration', 0);
    const routeKeys = apiRoutes.map((route) => `${route.method} ${route.path}: `);
    const routeFunctions = Object.values(resourcesOfType(parent, 'AWS::Lambda::Function')).filter((fn) =>
      routeKeys.some((key) => String(fn.Properties?.Description).startsWith(key)),
    );
    expect(routeFunctions).toEqual([]);
    const apiPermissions = Object.values(resourcesOfType(parent, 'AWS::Lambda::Permission')).filter(
      (permission) => permission.Properties?.Principal === 'apigateway.amazonaws.com',
    );
    expect(apiPermissions).toEqual([]);
    // The API's own resources stay in the parent, and each route group is a stack resource of it.
    parent.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    parent.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    parent.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    parent.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const parentResources = parent.toJSON().Resources as Resources;
    for (const routeStack of routeStacks) {
      expect(routeStack.nestedStackParent).toBe(synthesized.stack);
      const resourceId = synthesized.stack.getLogicalId(routeStack.nestedStackResource as CfnElement);
      expect(parentResources[resourceId]?.Type).toBe('AWS::CloudFormation::Stack');
    }
  });

  it('gives every route exactly one Lambda and one API Gateway route, in its group’s nested stack', () => {
    const nestedRoutes = routeStacks.flatMap((stack) =>
      Object.values(synthesized.templateOf(stack).findResources('AWS::ApiGatewayV2::Route')).map((route) => ({
        stack,
        routeKey: (route as { Properties: { RouteKey: string } }).Properties.RouteKey,
      })),
    );
    const nestedFunctions = routeStacks.flatMap((stack) =>
      Object.entries(synthesized.templateOf(stack).findResources('AWS::Lambda::Function')).map(
        ([logicalId, fn]) => ({
          stack,
          logicalId,
          description: (fn as { Properties: { Description: string } }).Properties.Description,
        }),
      ),
    );
    expect(nestedRoutes).toHaveLength(apiRoutes.length);
    expect(nestedFunctions).toHaveLength(apiRoutes.length);

    for (const route of apiRoutes) {
      const routeKey = `${route.method} ${route.path}`;
      const routesOf = nestedRoutes.filter((r) => r.routeKey === routeKey);
      const functionsOf = nestedFunctions.filter((f) => f.description.startsWith(`${routeKey}: `));
      expect({ route: route.id, routes: routesOf.length, functions: functionsOf.length }).toEqual({
        route: route.id,
        routes: 1,
        functions: 1,
      });
      // Both in the nested stack of the route's group, which holds only routes of its tag.
      const stack = routesOf[0]!.stack;
      expect(functionsOf[0]!.stack).toBe(stack);
      expect(stack.group.tag).toBe(route.tag);
      expect(stack.group.routes).toContain(route);
      expect(functionsOf[0]!.logicalId).toBe(
        logicalIdOf(synthesized.stack.api.functions[route.id]!.function),
      );
    }
  });

  it('groups routes by tag, one nested stack per tag while a tag has at most 40 routes', () => {
    const tags = [...new Set(apiRoutes.map((route) => route.tag))];
    for (const stack of routeStacks) {
      expect(stack.group.routes.length).toBeGreaterThan(0);
      expect(stack.group.routes.length).toBeLessThanOrEqual(MAX_ROUTES_PER_STACK);
      expect(new Set(stack.group.routes.map((route) => route.tag))).toEqual(new Set([stack.group.tag]));
    }
    const routesPerTag = (tag: string) => apiRoutes.filter((route) => route.tag === tag).length;
    const expectedStacks = tags.reduce(
      (sum, tag) => sum + Math.ceil(routesPerTag(tag) / MAX_ROUTES_PER_STACK),
      0,
    );
    expect(routeStacks).toHaveLength(expectedStacks);
  });
});

describe('route groups', () => {
  /** A route table of `count` routes under one tag, served by an existing handler. */
  const bulk = (count: number, tag = 'Bulk things'): RouteDefinition[] =>
    Array.from({ length: count }, (_, i) => ({
      ...health,
      id: `bulk${String(i).padStart(3, '0')}`,
      path: `/v1/bulk/${i}`,
      tag,
    }));

  it('names a group after its tag and keeps the route table order within it', () => {
    const groups = routeGroups(apiRoutes);
    for (const group of groups) {
      expect(group.id).toMatch(/^[A-Z][A-Za-z0-9]*(-\d+)?$/);
      expect(group.routes).toEqual(apiRoutes.filter((route) => route.tag === group.tag));
    }
    expect(groups.flatMap((group) => group.routes)).toHaveLength(apiRoutes.length);
    expect(groups.map((group) => group.id)).toEqual(
      expect.arrayContaining(['Debtors', 'Invoices', 'Payments', 'Policies', 'Contacts']),
    );
  });

  it('splits a tag with more than 40 routes into near-equal parts, whatever the table order', () => {
    const routes = bulk(85);
    const groups = routeGroups(routes);
    expect(groups.map((group) => [group.id, group.routes.length])).toEqual([
      ['BulkThings-1', 28],
      ['BulkThings-2', 28],
      ['BulkThings-3', 29],
    ]);
    expect(new Set(groups.flatMap((group) => group.routes))).toEqual(new Set(routes));
    const reversed = routeGroups([...routes].reverse());
    expect(reversed.map((group) => group.routes.map((route) => route.id))).toEqual(
      groups.map((group) => group.routes.map((route) => route.id)),
    );
    expect(routeGroups(bulk(MAX_ROUTES_PER_STACK)).map((group) => group.id)).toEqual(['BulkThings']);
  });

  it('refuses tags that would share a stack', () => {
    expect(() => routeGroups([...bulk(1, 'Promises and plans'), ...bulk(1, 'promises-and-plans')])).toThrow(
      /both map to stack PromisesAndPlans/,
    );
    expect(() => routeGroups(bulk(1, ' - '))).toThrow(/tag without letters or digits/);
  });

  it('keeps a split group within the budget when synthesized', () => {
    const synthesized = synthesize({ stage: 'dev' }, [...apiRoutes, ...bulk(85)]);
    const bulkStacks = synthesized.stack.api.routeStacks.filter((stack) => stack.group.tag === 'Bulk things');
    expect(bulkStacks.map((stack) => stack.node.id)).toEqual([
      'Routes-BulkThings-1',
      'Routes-BulkThings-2',
      'Routes-BulkThings-3',
    ]);
    expect(overBudget(synthesized)).toEqual([]);
    expect(synthesized.resourcesAcross('AWS::ApiGatewayV2::Route')).toHaveLength(apiRoutes.length + 85);
  });
});
