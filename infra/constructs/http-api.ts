/**
 * The HTTP API: one API Gateway route and one Lambda per entry of the route table, Cognito JWTs
 * verified at the gateway, JSON access logs without personal data, default-stage throttling, and
 * alarms on server errors, client-error rate and latency.
 *
 * The API, its stage, authorizer, access logs, alarms and dashboard widgets live here, in the
 * parent stack; each route's function, route, integration and permission live in the nested
 * stack of its route group (`RouteStack`), which keeps every stack below CloudFormation's
 * resource limit as routes are added.
 *
 * Roles are not checked here: HTTP API JWT authorizers can only match scopes, so each handler
 * checks the route's roles against the verified `cognito:groups` claim (shared/http/api-handler).
 */
import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi as ApiGatewayHttpApi,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  Alarm,
  ComparisonOperator,
  GraphWidget,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../../shared/http/route';
import type { ImportPipeline } from './import-pipeline';
import type { StageConfig } from '../stage';
import type { ApiFunction } from './api-function';
import type { Auth } from './auth';
import type { DataTable } from './data-table';
import type { Observability } from './observability';
import { RouteStack, routeGroups } from './route-stack';
import type { ConnectorAccess } from './connector-stack';

export interface HttpApiProps {
  stage: StageConfig;
  routes: readonly RouteDefinition[];
  auth: Auth;
  data: DataTable;
  observability: Observability;
  /** The collection workflow, woken by routes that change a debtor's case (`signalsCase`). */
  stateMachineArn: string;
  /** The payment provider's keys, for the routes that take card payments (`paymentProvider`). */
  paymentSecretArn: string;
  /** The credit bureau's credentials, for the routes that order credit reports (`creditBureau`). */
  creditBureauSecretArn: string;
  imports: ImportPipeline;
  /** The webhook delivery queue, for the routes that queue deliveries (`webhookQueue`). */
  webhookQueue: { queueUrl: string; queueArn: string };
  /** The accounting connectors, for the connection routes (`accountingConnectors`, `connectorSyncQueue`). */
  connectors: ConnectorAccess;
}

/**
 * Access log fields. Deliberately absent: the Authorization header, source IP, user agent, the
 * request path (route templates only) and user identifiers — nothing that identifies a person.
 */
export const ACCESS_LOG_FIELDS: Record<string, string> = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  error: '$context.error.message',
  tenantId: '$context.authorizer.claims.tenant_id',
};

export class HttpApi extends Construct {
  readonly api: ApiGatewayHttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly authorizer: HttpJwtAuthorizer;
  /** The nested stacks holding the routes, one per route group, ordered by group id. */
  readonly routeStacks: readonly RouteStack[];
  /** Every route's function and API Gateway route by route id, whichever nested stack holds it. */
  readonly functions: Record<string, ApiFunction> = {};
  readonly routes: Record<string, HttpRoute> = {};

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { stage, auth, observability } = props;
    assertUniqueRoutes(props.routes);

    this.api = new ApiGatewayHttpApi(this, 'Api', {
      apiName: `recoup-${stage.stage}`,
      description: `Recoup ${stage.stage} HTTP API`,
      createDefaultStage: false,
      corsPreflight:
        stage.corsOrigins.length === 0
          ? undefined
          : {
              allowOrigins: stage.corsOrigins,
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PUT,
                CorsHttpMethod.PATCH,
                CorsHttpMethod.DELETE,
              ],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
              exposeHeaders: ['etag', 'location'],
              maxAge: Duration.hours(1),
            },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: stage.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', auth.issuer, {
      // Cognito access tokens carry `client_id` rather than `aud`; API Gateway checks either.
      jwtAudience: [auth.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    this.routeStacks = routeGroups(props.routes).map(
      (group) =>
        new RouteStack(this, `Routes-${group.id}`, {
          group,
          stage,
          api: this.api,
          authorizer: this.authorizer,
          data: props.data,
          observability,
          stateMachineArn: props.stateMachineArn,
          paymentSecretArn: props.paymentSecretArn,
          creditBureauSecretArn: props.creditBureauSecretArn,
          imports: props.imports,
          webhookQueue: props.webhookQueue,
          connectors: props.connectors,
          portal: {
            keyArn: auth.portalLinkKey.keyArn,
            userPoolId: auth.userPool.userPoolId,
            userPoolArn: auth.userPool.userPoolArn,
          },
        }),
    );
    // In route-table order, so the dashboard lists routes as the table does.
    const stackOf = new Map(this.routeStacks.flatMap((s) => s.group.routes.map((r) => [r.id, s] as const)));
    for (const route of props.routes) {
      const routeStack = stackOf.get(route.id)!;
      this.functions[route.id] = routeStack.functions[route.id]!;
      this.routes[route.id] = routeStack.routes[route.id]!;
    }

    this.addAlarmsAndWidgets(observability);
  }

  /** Base URL of the API (its `$default` stage). */
  get url(): string {
    return this.stage.url;
  }

  private addAlarmsAndWidgets(observability: Observability): void {
    const period = Duration.minutes(5);
    const serverErrors = this.api.metricServerError({ period, statistic: 'Sum' });
    const clientErrors = this.api.metricClientError({ period, statistic: 'Sum' });
    const requests = this.api.metricCount({ period, statistic: 'Sum' });
    const p99 = this.api.metricLatency({ period, statistic: 'p99' });

    const serverErrorAlarm = new Alarm(this, 'ServerErrorsAlarm', {
      alarmDescription: 'The API answered 5xx (failed or timed-out integrations, unhandled errors)',
      metric: serverErrors,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    // 4xx includes 429 (stage throttling: HTTP APIs publish no separate throttle metric) and 401/403.
    // Ignored below 20 requests per period, so a handful of bad requests cannot page anyone.
    const clientErrorAlarm = new Alarm(this, 'ClientErrorRateAlarm', {
      alarmDescription:
        'More than 25% of requests answered 4xx for 15 minutes (throttling, auth failures, bad clients)',
      metric: new MathExpression({
        expression: 'IF(requests >= 20, 100 * clientErrors / requests, 0)',
        usingMetrics: { clientErrors, requests },
        period,
        label: '4xx rate (%)',
      }),
      threshold: 25,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const latencyAlarm = new Alarm(this, 'LatencyAlarm', {
      alarmDescription: 'p99 latency above 3 s for 15 minutes',
      metric: p99,
      threshold: 3000,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    observability.watch(serverErrorAlarm, clientErrorAlarm, latencyAlarm);

    observability.addWidgets(
      new GraphWidget({ title: 'Requests', left: [requests], width: 8 }),
      new GraphWidget({ title: 'Errors', left: [serverErrors, clientErrors], width: 8 }),
      new GraphWidget({
        title: 'Latency',
        left: [this.api.metricLatency({ period, statistic: 'p50' }), p99],
        width: 8,
      }),
      new GraphWidget({
        title: 'Lambda errors by route',
        left: Object.entries(this.functions).map(([id, fn]) =>
          fn.function.metricErrors({ period, statistic: 'Sum', label: id }),
        ),
        width: 24,
      }),
    );
  }
}

function assertUniqueRoutes(routes: readonly RouteDefinition[]): void {
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (ids.has(route.id)) throw new Error(`duplicate route id ${route.id}`);
    if (keys.has(key)) throw new Error(`duplicate route ${key}`);
    ids.add(route.id);
    keys.add(key);
  }
}
