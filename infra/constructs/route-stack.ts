/**
 * The per-route resources of the HTTP API, one nested stack per route group. Each route costs
 * about nine CloudFormation resources (function, role, policy, log group, two alarms, integration,
 * route, permission), so a single stack would hit CloudFormation's 500-resource limit; grouping
 * by the route table's `tag` keeps related routes together and each stack far below it.
 *
 * The API, its stage and authorizer, the table and the alarm topic stay in the parent stack; CDK
 * passes what a group references to its nested stack as parameters.
 */
import { Duration, NestedStack, type NestedStackProps, Validations } from 'aws-cdk-lib';
import { acknowledgeDocumentObjects, documentObjectsArn, documentsBucketName } from './document-stack';
import {
  type HttpApi as ApiGatewayHttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../../shared/http/route';
import type { StageConfig } from '../stage';
import { ApiFunction } from './api-function';
import type { ImportPipeline } from './import-pipeline';
import type { ConnectorAccess } from './connector-stack';
import type { DataAccess, DataTable } from './data-table';
import type { Observability } from './observability';

/** HTTP APIs wait at most 30 s for an integration; a function stops just before. */
const API_GATEWAY_LIMIT = Duration.seconds(29);

/** At ~9 resources a route, 40 routes stay well inside the 450-resource budget of a stack. */
export const MAX_ROUTES_PER_STACK = 40;

/**
 * Least privilege per route: public routes have no tenant, so they get no table at all; reads
 * (GET) get read-only item access; everything else reads and writes. A GET handler that starts
 * writing (say, an audit record of a read) must change this rule.
 */
export function dataAccessFor(route: RouteDefinition): DataAccess | 'none' {
  if (route.auth.kind === 'public') return 'none';
  // A verified webhook records what it reports (a payment) like any write.
  if (route.auth.kind === 'signed') return 'readWrite';
  return route.method === 'GET' ? 'read' : 'readWrite';
}

export interface RouteGroup {
  /** Construct id of the group's nested stack: the tag in PascalCase, `-<n>` when split. */
  id: string;
  tag: string;
  routes: readonly RouteDefinition[];
}

/**
 * Routes grouped by tag, groups ordered by id. A tag with more than `maxPerStack` routes is split
 * into near-equal parts of its routes sorted by id, so the split does not depend on the order of
 * the route table.
 */
export function routeGroups(
  routes: readonly RouteDefinition[],
  maxPerStack: number = MAX_ROUTES_PER_STACK,
): RouteGroup[] {
  if (!Number.isInteger(maxPerStack) || maxPerStack < 1) {
    throw new Error(`maxPerStack must be a positive integer, not ${maxPerStack}`);
  }
  const byTag = new Map<string, RouteDefinition[]>();
  for (const route of routes) {
    const members = byTag.get(route.tag) ?? [];
    members.push(route);
    byTag.set(route.tag, members);
  }

  const groups: RouteGroup[] = [];
  const tagOfId = new Map<string, string>();
  for (const [tag, members] of byTag) {
    const base = groupIdOf(tag, members[0]!.id);
    // Two tags that differ only in case or punctuation would otherwise share a stack id.
    const clash = tagOfId.get(base);
    if (clash !== undefined) throw new Error(`route tags "${clash}" and "${tag}" both map to stack ${base}`);
    tagOfId.set(base, tag);

    if (members.length <= maxPerStack) {
      groups.push({ id: base, tag, routes: members });
      continue;
    }
    const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const parts = Math.ceil(sorted.length / maxPerStack);
    for (let part = 0; part < parts; part++) {
      const from = Math.floor((part * sorted.length) / parts);
      const to = Math.floor(((part + 1) * sorted.length) / parts);
      groups.push({ id: `${base}-${part + 1}`, tag, routes: sorted.slice(from, to) });
    }
  }

  const ids = new Set<string>();
  for (const group of groups) {
    if (ids.has(group.id)) throw new Error(`two route groups are both named ${group.id}`);
    ids.add(group.id);
  }
  return groups.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `Promises and plans` → `PromisesAndPlans`. */
function groupIdOf(tag: string, firstRouteId: string): string {
  const id = tag
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  if (id === '') throw new Error(`route ${firstRouteId} has a tag without letters or digits: "${tag}"`);
  return id;
}

export interface RouteStackProps extends NestedStackProps {
  group: RouteGroup;
  stage: StageConfig;
  api: ApiGatewayHttpApi;
  authorizer: IHttpRouteAuthorizer;
  data: DataTable;
  observability: Observability;
  stateMachineArn: string;
  /** The payment provider's keys (Secrets Manager), for the routes that take card payments. */
  paymentSecretArn: string;
  /** The credit bureau's credentials (Secrets Manager), for the routes that order credit reports. */
  creditBureauSecretArn: string;
  /** The portal link key and the user pool, for the routes that issue portal links. */
  portal: { keyArn: string; userPoolId: string; userPoolArn: string };
  /** The import files bucket and queue, for the routes that open and start imports. */
  imports: ImportPipeline;
  /** The webhook delivery queue, for the routes that queue deliveries. */
  webhookQueue: { queueUrl: string; queueArn: string };
  /** The accounting connectors' clients, token key and sync queue, for the connection routes. */
  connectors: ConnectorAccess;
}

/** One route group: for each route its ApiFunction, API Gateway route, integration and permission. */
export class RouteStack extends NestedStack {
  readonly group: RouteGroup;
  readonly functions: Record<string, ApiFunction> = {};
  readonly routes: Record<string, HttpRoute> = {};

  constructor(scope: Construct, id: string, props: RouteStackProps) {
    const {
      group,
      stage,
      api,
      authorizer,
      data,
      observability,
      stateMachineArn,
      paymentSecretArn,
      creditBureauSecretArn,
      portal,
      imports,
      webhookQueue,
      connectors,
      ...nestedStackProps
    } = props;
    super(scope, id, {
      description: `Recoup ${stage.stage}: API routes tagged "${group.tag}" (${group.id})`,
      ...nestedStackProps,
    });
    this.group = group;

    for (const route of group.routes) {
      const fn = new ApiFunction(this, route.id, {
        entry: route.handlerEntry,
        description: `${route.method} ${route.path}: ${route.summary}`.slice(0, 256),
        stage,
        observability,
        data,
        dataAccess: dataAccessFor(route),
        ...(route.longRunning ? { timeout: API_GATEWAY_LIMIT } : {}),
        environment: {
          // The payment webhook's use case wakes the debtor's case itself; the connectors' OAuth
          // callback touches no case.
          ...(route.signalsCase ||
          route.drivesCases ||
          (route.auth.kind === 'signed' && route.auth.by === 'stripe')
            ? { STATE_MACHINE_ARN: stateMachineArn }
            : {}),
          ...(route.paymentProvider ? { STRIPE_SECRET_ARN: paymentSecretArn } : {}),
          ...(route.creditBureau ? { CREDIT_BUREAU_SECRET_ARN: creditBureauSecretArn } : {}),
          ...(route.portalAccess
            ? { PORTAL_LINK_KEY_ID: portal.keyArn, USER_POOL_ID: portal.userPoolId }
            : {}),
          ...(route.webhookQueue ? { WEBHOOK_QUEUE_URL: webhookQueue.queueUrl } : {}),
          ...(route.documentStore ? { DOCUMENTS_BUCKET: documentsBucketName(stage.stage) } : {}),
          ...(route.accountingConnectors
            ? { CONNECTOR_SECRET_ARN: connectors.secretArn, CONNECTOR_TOKEN_KEY_ID: connectors.tokenKeyArn }
            : {}),
          ...(route.connectorSyncQueue ? { CONNECTOR_SYNC_QUEUE_URL: connectors.queueUrl } : {}),
        },
      });
      if (route.accountingConnectors) {
        fn.function.addToRolePolicy(
          new PolicyStatement({
            actions: ['secretsmanager:GetSecretValue'],
            resources: [connectors.secretArn],
          }),
        );
        fn.function.addToRolePolicy(
          new PolicyStatement({
            actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
            resources: [connectors.tokenKeyArn],
          }),
        );
      }
      if (route.connectorSyncQueue) {
        fn.function.addToRolePolicy(
          new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [connectors.queueArn] }),
        );
      }
      if (route.webhookQueue) {
        fn.function.addToRolePolicy(
          new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [webhookQueue.queueArn] }),
        );
      }
      if (route.documentStore) grantDocumentSigning(fn, route, stage);
      if (route.portalAccess) {
        fn.function.addToRolePolicy(
          new PolicyStatement({ actions: ['kms:GenerateMac'], resources: [portal.keyArn] }),
        );
        fn.function.addToRolePolicy(
          new PolicyStatement({
            actions: [
              'cognito-idp:AdminGetUser',
              'cognito-idp:AdminCreateUser',
              'cognito-idp:AdminSetUserPassword',
              'cognito-idp:AdminAddUserToGroup',
            ],
            resources: [portal.userPoolArn],
          }),
        );
      }
      if (route.importFiles) imports.grantToRoute(fn);
      if (route.paymentProvider) {
        fn.function.addToRolePolicy(
          new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [paymentSecretArn] }),
        );
      }
      if (route.creditBureau) {
        fn.function.addToRolePolicy(
          new PolicyStatement({
            actions: ['secretsmanager:GetSecretValue'],
            resources: [creditBureauSecretArn],
          }),
        );
      }
      if (route.signalsCase || route.drivesCases) {
        // Opening a case starts its execution; an event wakes the parked one; a merge ends one.
        fn.function.addToRolePolicy(
          new PolicyStatement({
            actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
            resources: [stateMachineArn],
          }),
        );
      }
      this.functions[route.id] = fn;

      const httpRoute = new HttpRoute(this, `Route-${route.id}`, {
        httpApi: api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`Integration-${route.id}`, fn.function),
        // Binding creates the one JWT authorizer under the HttpApi construct, in the parent stack.
        authorizer: route.auth.kind === 'jwt' ? authorizer : undefined,
      });
      this.routes[route.id] = httpRoute;

      if (route.auth.kind === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Route ${route.id} (${route.method} ${route.path}) is public by design in the route table: it serves no tenant data, and its function has no table access.`,
        });
      } else if (route.auth.kind === 'signed' && route.auth.by === 'connector-state') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Route ${route.id} (${route.method} ${route.path}) is the OAuth redirect of an accounting system: the browser comes back without a token, so its function opens the sealed, expiring, single-use state (KMS data key) before reading or writing anything.`,
        });
      } else if (route.auth.kind === 'signed') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Route ${route.id} (${route.method} ${route.path}) is the ${route.auth.by} webhook: the provider cannot present a token, so its function verifies the provider's signature of the body before reading it.`,
        });
      }
    }
  }
}

/**
 * A presigned request acts with its signer's permissions: the routes that announce documents sign
 * upload forms (PutObject), the one that shows a document signs downloads of its checked version.
 */
function grantDocumentSigning(fn: ApiFunction, route: RouteDefinition, stage: StageConfig): void {
  const actions = route.method === 'GET' ? ['s3:GetObject', 's3:GetObjectVersion'] : ['s3:PutObject'];
  fn.function.addToRolePolicy(new PolicyStatement({ actions, resources: [documentObjectsArn(stage.stage)] }));
  acknowledgeDocumentObjects(fn.base.role, stage.stage, `Route ${route.id} signs requests for documents`);
}
