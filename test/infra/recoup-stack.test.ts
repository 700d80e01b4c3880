import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CLAIM_HOLDS_MS } from '../../shared/domain/messaging/delivery';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ACCESS_LOG_FIELDS } from '../../infra/constructs/http-api';
import { powertoolsLayerParameter } from '../../infra/constructs/powertools-layer';
import { lambdaBundling } from '../../infra/lambda-bundling';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../infra/paths';
import { dataAccessFor } from '../../infra/constructs/route-stack';
import { tableDesign } from '../../shared/adapters/dynamodb/table-design';
import { ROLES } from '../../shared/domain/roles';
import { apiRoutes } from '../../shared/http/routes';
import { WORKFLOW_TASKS } from '../../shared/workflow/collection-workflow-tasks';
import { fromParent, logicalIdOf, resourcesOfType, synthesize, type Synthesized } from './synth';

const WORKFLOW_TASK_COUNT = Object.keys(WORKFLOW_TASKS).length;
/** The schedule tick's target and the tenant-day job worker. */
const SCHEDULE_FUNCTION_COUNT = 2;
/** SendMessages, RecordDeliveryReports, RecordInboundTexts. */
const MESSAGING_FUNCTION_COUNT = 3;
/** The import worker. */
const IMPORT_FUNCTION_COUNT = 1;
/** RelayWebhookEvents, SendWebhooks. */
const WEBHOOK_FUNCTION_COUNT = 2;
/** CheckStoredDocument. */
const DOCUMENT_FUNCTION_COUNT = 1;
/** Cognito triggers: pre-token generation and the portal link's define, create and verify challenge. */
const AUTH_TRIGGER_COUNT = 4;
/** The connectors' sync worker and the hourly schedule's target that queues the syncs. */
const CONNECTOR_FUNCTION_COUNT = 2;

let dev: Synthesized;

/** The version npm installed, which the bundles were built and tested against. */
const installedVersion = (name: string) =>
  (
    JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

beforeAll(() => {
  dev = synthesize({ stage: 'dev', alarmEmail: 'ops@example.com' });
});

/** Functions, log groups, roles, routes and alarms of the API live in nested stacks: look in all. */
const across = (type: string) => dev.resourcesAcross(type);

describe('data table', () => {
  it('is one on-demand table with the shared key design, TTL, stream and both GSIs', () => {
    dev.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: tableDesign.timeToLiveAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      GlobalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('has point-in-time recovery and SSE with its own rotating KMS key', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
    const keyId = dev.stack.getLogicalId(dev.stack.data.key.node.defaultChild as CfnFunction);
    dev.template.hasResource('AWS::KMS::Key', { Properties: Match.objectLike({ EnableKeyRotation: true }) });
    expect(Object.keys(resourcesOfType(dev.template, 'AWS::KMS::Key'))).toContain(keyId);
  });

  it('is disposable in dev', () => {
    dev.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe('documents', () => {
  const documents = () => dev.templateOf(dev.stack.documents);
  const bucket = () =>
    Object.values(resourcesOfType(documents(), 'AWS::S3::Bucket')).find(
      (resource) => resource.Properties?.VersioningConfiguration !== undefined,
    )!;
  /** Every S3 statement of the policies attached to a route function's role. */
  const s3Statements = (routeId: string) => {
    const fn = dev.stack.api.functions[routeId]!;
    const template = dev.templateOf(Stack.of(fn.function));
    const role = logicalIdOf(fn.base.role);
    return Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties?.Roles) === JSON.stringify([{ Ref: role }]))
      .flatMap(
        (policy) =>
          (
            policy.Properties?.PolicyDocument as {
              Statement: { Action: string | string[]; Resource: unknown }[];
            }
          ).Statement,
      )
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')));
  };

  it('keeps files in a private, encrypted, versioned, access-logged bucket that reports to EventBridge', () => {
    const properties = bucket().Properties!;
    expect(properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: expect.any(String) },
        LogFilePrefix: 'documents-bucket/',
      },
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    expect((properties.LifecycleConfiguration as { Rules: unknown[] }).Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
      ]),
    );
    // Browsers POST uploads from the web apps' origin only.
    expect(properties.CorsConfiguration).toMatchObject({
      CorsRules: [{ AllowedMethods: ['POST'], AllowedOrigins: [expect.anything()] }],
    });
  });

  it('has GuardDuty scan and tag the documents prefix', () => {
    documents().hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { ObjectPrefixes: ['documents/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
  });

  it('runs the check on an upload and on a scan result, with retries and a dead-letter queue', () => {
    const rules = Object.values(resourcesOfType(documents(), 'AWS::Events::Rule'));
    expect(
      rules.map((rule) => (rule.Properties?.EventPattern as { source: string[] }).source).sort(),
    ).toEqual([['aws.guardduty'], ['aws.s3']]);
    const checker = logicalIdOf(dev.stack.documents.checker.function);
    for (const rule of rules) {
      expect(rule.Properties?.Targets).toEqual([
        expect.objectContaining({
          Arn: { 'Fn::GetAtt': [checker, 'Arn'] },
          DeadLetterConfig: expect.anything(),
          RetryPolicy: expect.objectContaining({ MaximumRetryAttempts: 8 }),
        }),
      ]);
    }
  });

  it('lets a route sign only what it must: uploads, downloads, or nothing', () => {
    const objects = (statement: { Resource: unknown }) => JSON.stringify(statement.Resource);
    const upload = s3Statements('createDebtorDocument');
    expect(upload.map((statement) => statement.Action)).toEqual(['s3:PutObject']);
    expect(objects(upload[0]!)).toContain('/documents/*');
    const download = s3Statements('getDocument');
    expect(download.map((statement) => [statement.Action].flat().sort())).toEqual([
      ['s3:GetObject', 's3:GetObjectVersion'],
    ]);
    expect(objects(download[0]!)).toContain('/documents/*');
    expect(s3Statements('listDebtorDocuments')).toEqual([]);
    expect(s3Statements('createDebtor')).toEqual([]);
  });
});

describe('lambda functions', () => {
  // Ours: CDK's own deployment handler (Python, copies the web bundle while deploying) aside; its
  // role and log group are ours, checked below.
  const functions = () =>
    across('AWS::Lambda::Function').filter(
      ({ logicalId }) => !logicalId.startsWith('CustomCDKBucketDeployment'),
    );

  it('one per route, one per workflow task, two for the schedules, three for messaging, two for webhooks, one for documents, the import worker, two for connectors, plus the Cognito triggers', () => {
    expect(functions()).toHaveLength(
      apiRoutes.length +
        WORKFLOW_TASK_COUNT +
        SCHEDULE_FUNCTION_COUNT +
        MESSAGING_FUNCTION_COUNT +
        IMPORT_FUNCTION_COUNT +
        WEBHOOK_FUNCTION_COUNT +
        DOCUMENT_FUNCTION_COUNT +
        CONNECTOR_FUNCTION_COUNT +
        AUTH_TRIGGER_COUNT,
    );
    // The triggers and the import worker are in the parent; every route's function in a nested stack.
    expect(
      Object.keys(resourcesOfType(dev.template, 'AWS::Lambda::Function')).filter(
        (logicalId) => !logicalId.startsWith('CustomCDKBucketDeployment'),
      ),
    ).toEqual(
      expect.arrayContaining([
        logicalIdOf(dev.stack.auth.preTokenGeneration.function),
        logicalIdOf(dev.stack.auth.verifyPortalLink.function),
      ]),
    );
    // Only the Cognito triggers sit in the parent.
    const inParent = Object.keys(resourcesOfType(dev.template, 'AWS::Lambda::Function')).filter(
      (logicalId) => !logicalId.startsWith('CustomCDKBucketDeployment'),
    );
    expect(inParent).toHaveLength(AUTH_TRIGGER_COUNT + IMPORT_FUNCTION_COUNT);
    expect(inParent.every((logicalId) => /^(Auth|Imports)/.test(logicalId))).toBe(true);
  });

  it('all run Node.js 22 on arm64 with tracing, JSON logs in their own log group and source maps', () => {
    for (const { stack, logicalId, resource: fn } of functions()) {
      const id = `${stack.node.path}/${logicalId}`;
      expect({ id, ...fn.Properties }).toMatchObject({
        id,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
        Environment: {
          Variables: expect.objectContaining({
            NODE_OPTIONS: '--enable-source-maps',
            POWERTOOLS_SERVICE_NAME: 'recoup',
            POWERTOOLS_METRICS_NAMESPACE: 'Recoup',
            LOG_LEVEL: 'DEBUG',
          }),
        },
      });
    }
  });

  it('take Powertools from its official layer at the pinned version, one reference per stack', () => {
    const parameter = powertoolsLayerParameter();
    expect(parameter).toBe(
      `/aws/service/powertools/typescript/generic/all/${installedVersion('@aws-lambda-powertools/tracer')}`,
    );
    for (const { stack, logicalId, resource: fn } of functions()) {
      const parameters = dev.templateOf(stack).toJSON().Parameters as Record<
        string,
        { Type: string; Default?: string }
      >;
      const layers = (fn.Properties as { Layers?: { Ref: string }[] }).Layers;
      expect({ id: `${stack.node.path}/${logicalId}`, layers }).toEqual({
        id: `${stack.node.path}/${logicalId}`,
        layers: [{ Ref: expect.any(String) }],
      });
      expect(parameters[layers![0]!.Ref]).toEqual({
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: parameter,
      });
    }
    expect(lambdaBundling.externalModules).toContain('@aws-lambda-powertools/*');
  });

  it('every log group has the stage retention', () => {
    const groups = across('AWS::Logs::LogGroup');
    // one per function, the API access logs, the workflow's execution logs, the web deployment's
    expect(groups).toHaveLength(
      apiRoutes.length +
        WORKFLOW_TASK_COUNT +
        SCHEDULE_FUNCTION_COUNT +
        MESSAGING_FUNCTION_COUNT +
        IMPORT_FUNCTION_COUNT +
        WEBHOOK_FUNCTION_COUNT +
        DOCUMENT_FUNCTION_COUNT +
        CONNECTOR_FUNCTION_COUNT +
        AUTH_TRIGGER_COUNT +
        3,
    );
    for (const { resource: group } of groups) expect(group.Properties?.RetentionInDays).toBe(14);
  });

  it('no role uses an AWS managed policy', () => {
    const roles = across('AWS::IAM::Role');
    expect(roles.length).toBeGreaterThanOrEqual(apiRoutes.length + 1);
    for (const { resource: role } of roles) {
      expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('table access per route', () => {
  /** The route's function's own stack (the nested stack of its route group) and its template. */
  const templateOfRoute = (routeId: string) =>
    dev.templateOf(Stack.of(dev.stack.api.functions[routeId]!.function));

  const statementsOf = (routeId: string): { Action: string | string[] }[] => {
    const fn = dev.stack.api.functions[routeId]!;
    const roleId = logicalIdOf(fn.base.role);
    const policies = Object.values(resourcesOfType(templateOfRoute(routeId), 'AWS::IAM::Policy')).filter(
      (policy) => JSON.stringify(policy.Properties?.Roles).includes(roleId),
    );
    return policies.flatMap(
      (policy) =>
        (policy.Properties?.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
    );
  };
  const actionsOf = (routeId: string) => statementsOf(routeId).flatMap((s) => [s.Action].flat());

  it.each(apiRoutes.map((route) => [route.id, route] as const))('%s', (routeId, route) => {
    const actions = actionsOf(routeId);
    const env = templateOfRoute(routeId).toJSON().Resources[
      logicalIdOf(dev.stack.api.functions[routeId]!.function)
    ].Properties.Environment.Variables as Record<string, unknown>;
    const access = dataAccessFor(route);
    if (access === 'none') {
      expect(actions.filter((a) => a.startsWith('dynamodb:') || a.startsWith('kms:'))).toEqual([]);
      expect(env.TABLE_NAME).toBeUndefined();
      return;
    }
    expect(env.TABLE_NAME).toBeDefined();
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'kms:Decrypt']));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.some((a) => a.includes('*') && a.startsWith('dynamodb'))).toBe(false);
    if (access === 'read') {
      expect(actions).not.toEqual(expect.arrayContaining(['dynamodb:PutItem']));
      expect(actions).not.toContain('dynamodb:UpdateItem');
    } else {
      expect(actions).toEqual(
        expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem']),
      );
    }
  });

  it("gives only the credit-check route the credit bureau's secret, to read", () => {
    const secretId = logicalIdOf(dev.stack.creditBureauKeys.secret);
    const withSecret = apiRoutes.filter((route) => {
      const env = templateOfRoute(route.id).toJSON().Resources[
        logicalIdOf(dev.stack.api.functions[route.id]!.function)
      ].Properties.Environment.Variables as Record<string, unknown>;
      return env.CREDIT_BUREAU_SECRET_ARN !== undefined;
    });
    expect(withSecret.map((route) => route.id)).toEqual(['checkDebtorCredit']);
    const reads = statementsOf('checkDebtorCredit').filter((s) =>
      [s.Action].flat().includes('secretsmanager:GetSecretValue'),
    );
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads)).toContain(secretId.slice(0, 10));
    expect(JSON.stringify(reads)).not.toContain(logicalIdOf(dev.stack.paymentKeys.secret).slice(0, 10));
    expect(actionsOf('listCreditReports')).not.toContain('secretsmanager:GetSecretValue');
  });

  it('lets the merge routes run as long as API Gateway waits, and the others their default', () => {
    const timeoutOf = (id: string) =>
      templateOfRoute(id).toJSON().Resources[logicalIdOf(dev.stack.api.functions[id]!.function)].Properties
        .Timeout as number;
    expect(timeoutOf('mergeDebtors')).toBe(29);
    expect(timeoutOf('reverseMerge')).toBe(29);
    expect(timeoutOf('createDebtor')).toBe(10);
  });

  it('reads through GET, writes through the rest, nothing for public routes', () => {
    expect(Object.fromEntries(apiRoutes.map((r) => [r.id, dataAccessFor(r)]))).toMatchObject({
      getHealth: 'none',
      listDebtors: 'read',
      createDebtor: 'readWrite',
    });
  });
});

describe('HTTP API', () => {
  const routes = () => across('AWS::ApiGatewayV2::Route');

  it('has exactly one route per route-table entry', () => {
    expect(
      routes()
        .map((r) => r.resource.Properties?.RouteKey)
        .sort(),
    ).toEqual(apiRoutes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it.each(apiRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s: authorizer and integration',
    (routeKey, route) => {
      const { stack, resource } = routes().find((r) => r.resource.Properties?.RouteKey === routeKey)!;
      // The one authorizer is the parent's; a nested route refers to it through a parameter.
      const authorizers = across('AWS::ApiGatewayV2::Authorizer');
      expect(authorizers).toHaveLength(1);
      expect(authorizers[0]!.stack).toBe(dev.stack);
      const authorizerId = authorizers[0]!.logicalId;
      const apiId = logicalIdOf(dev.stack.api.api);
      expect(fromParent(dev, stack, resource.Properties?.ApiId)).toEqual({ Ref: apiId });
      if (route.auth.kind === 'jwt') {
        expect(resource.Properties).toMatchObject({ AuthorizationType: 'JWT' });
        expect(fromParent(dev, stack, resource.Properties?.AuthorizerId)).toEqual({ Ref: authorizerId });
      } else {
        expect(resource.Properties?.AuthorizationType ?? 'NONE').toBe('NONE');
        expect(resource.Properties?.AuthorizerId).toBeUndefined();
      }
      // The route integrates the function built from the route's own handler entry.
      const integrationRef = (resource.Properties?.Target as { 'Fn::Join': [string, unknown[]] })[
        'Fn::Join'
      ][1][1] as {
        Ref: string;
      };
      // Route, integration and function share the route group's nested stack.
      const fn = dev.stack.api.functions[route.id]!.function;
      expect(Stack.of(fn)).toBe(stack);
      const integration = dev.templateOf(stack).toJSON().Resources[integrationRef.Ref];
      expect(integration.Properties.IntegrationUri).toEqual({
        'Fn::GetAtt': [logicalIdOf(fn), 'Arn'],
      });
      expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
    },
  );

  it('verifies Cognito JWTs for the web client', () => {
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('WebClient') }],
        Issuer: {
          'Fn::Join': [
            '',
            Match.arrayWith([
              Match.stringLikeRegexp('^https://cognito-idp\\.'),
              { Ref: Match.stringLikeRegexp('UserPool') },
            ]),
          ],
        },
      },
    });
  });

  it('logs access as JSON without personal data, and throttles the default stage', () => {
    const stage = Object.values(resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Stage'));
    expect(stage).toHaveLength(1);
    const props = stage[0]!.Properties as {
      StageName: string;
      AutoDeploy: boolean;
      AccessLogSettings: { Format: string; DestinationArn: unknown };
      DefaultRouteSettings: unknown;
    };
    expect(props.StageName).toBe('$default');
    expect(props.AutoDeploy).toBe(true);
    expect(props.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    const format = JSON.parse(props.AccessLogSettings.Format) as Record<string, string>;
    expect(format).toEqual(ACCESS_LOG_FIELDS);
    expect(format.requestId).toBe('$context.requestId');
    const variables = Object.values(format).join(' ');
    expect(variables).not.toMatch(
      /authorization|sourceIp|userAgent|claims\.(sub|email|username)|\$context\.path/i,
    );
  });
});

describe('alarms', () => {
  it('watch every function for errors and throttles, and the API for 5xx, 4xx rate and latency', () => {
    const found = across('AWS::CloudWatch::Alarm');
    const alarms = found.map((a) => a.resource);
    const byMetric = (name: string) => alarms.filter((a) => a.Properties?.MetricName === name);
    expect(byMetric('Errors')).toHaveLength(
      apiRoutes.length +
        WORKFLOW_TASK_COUNT +
        SCHEDULE_FUNCTION_COUNT +
        MESSAGING_FUNCTION_COUNT +
        IMPORT_FUNCTION_COUNT +
        WEBHOOK_FUNCTION_COUNT +
        DOCUMENT_FUNCTION_COUNT +
        CONNECTOR_FUNCTION_COUNT +
        AUTH_TRIGGER_COUNT,
    );
    expect(byMetric('Throttles')).toHaveLength(
      apiRoutes.length +
        WORKFLOW_TASK_COUNT +
        SCHEDULE_FUNCTION_COUNT +
        MESSAGING_FUNCTION_COUNT +
        IMPORT_FUNCTION_COUNT +
        WEBHOOK_FUNCTION_COUNT +
        DOCUMENT_FUNCTION_COUNT +
        CONNECTOR_FUNCTION_COUNT +
        AUTH_TRIGGER_COUNT,
    );
    expect(byMetric('ExecutionsFailed')).toHaveLength(1);
    expect(byMetric('CaseFailures')).toHaveLength(1);
    // The dead-letter queues: outbox, tenant-day jobs, schedule tick, delivery reports, inbound
    // texts, imports, webhooks, document checks, connector syncs and their hourly schedule.
    expect(byMetric('ApproximateNumberOfMessagesVisible')).toHaveLength(10);
    expect(byMetric('5xx')).toHaveLength(1);
    expect(byMetric('Latency')).toHaveLength(1);
    expect(alarms.filter((a) => JSON.stringify(a.Properties?.Metrics ?? []).includes('4xx'))).toHaveLength(1);
    const topicId = logicalIdOf(dev.stack.observability.topic);
    // Alarms in nested stacks notify the parent's topic, passed to them as a parameter.
    for (const { stack, resource: alarm } of found) {
      const actions = alarm.Properties?.AlarmActions as unknown[];
      expect(actions.map((action) => fromParent(dev, stack, action))).toEqual([{ Ref: topicId }]);
    }
  });

  it('notify an encrypted, TLS-only topic with the configured e-mail subscription', () => {
    dev.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    dev.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    dev.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
    dev.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('Cognito', () => {
  it('is an invitation-only Plus pool with required MFA and a strong password policy', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'tenant_id', AttributeDataType: 'String', Mutable: false }),
        Match.objectLike({ Name: 'debtor_id', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('wires the V2 pre-token-generation trigger to its function', () => {
    const triggerId = logicalIdOf(dev.stack.auth.preTokenGeneration.function);
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [triggerId, 'Arn'] }, LambdaVersion: 'V2_0' },
      },
    });
    dev.template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [triggerId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
    });
  });

  it('has a group per role', () => {
    const groups = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPoolGroup'));
    expect(groups.map((g) => g.Properties?.GroupName).sort()).toEqual([...ROLES].sort());
  });

  it('has a public code-flow client that cannot write the tenant or debtor link', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED',
      SupportedIdentityProviders: ['COGNITO'],
    });
    const client = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPoolClient'))[0]!;
    const writable = client.Properties?.WriteAttributes as string[];
    expect(writable.filter((attribute) => attribute.startsWith('custom:'))).toEqual([]);
    expect(client.Properties?.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:tenant_id', 'custom:debtor_id']),
    );
    dev.template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });
});

describe('connectors', () => {
  it('sync every active connection hourly through a queue whose failures are dead-lettered and alarmed', () => {
    const hourly = across('AWS::Scheduler::Schedule').find(
      ({ resource }) => resource.Properties?.ScheduleExpression === 'rate(1 hour)',
    );
    expect(hourly!.resource.Properties).toMatchObject({
      State: 'ENABLED',
      Target: { RetryPolicy: { MaximumRetryAttempts: 3 }, DeadLetterConfig: { Arn: expect.anything() } },
    });
    const mapping = across('AWS::Lambda::EventSourceMapping').find(({ resource }) =>
      JSON.stringify(resource.Properties?.FunctionName).includes('SyncConnections'),
    );
    expect(mapping!.resource.Properties).toMatchObject({
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const descriptions = across('AWS::CloudWatch::Alarm').map(
      ({ resource }) => resource.Properties?.AlarmDescription,
    );
    expect(descriptions).toEqual(
      expect.arrayContaining([
        'A connector sync failed five runs (syncs dead-letter queue)',
        'The hourly schedule could not invoke QueueConnectorSyncs',
      ]),
    );
  });

  it('seal tokens with a rotating key only the connection routes and the worker may use', () => {
    const keys = across('AWS::KMS::Key').filter(({ resource }) =>
      String(resource.Properties?.Description).includes('OAuth tokens'),
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]!.resource.Properties?.EnableKeyRotation).toBe(true);
    const users = across('AWS::IAM::Policy').filter(({ resource }) =>
      JSON.stringify(resource.Properties?.PolicyDocument).includes('kms:GenerateDataKey'),
    );
    // createConnection, connectionCallback, pushInvoiceNote, deleteConnection (it opens the tokens
    // to revoke the grant) and the sync worker (the table's key is granted apart).
    const withDataKeys = users.filter(({ resource }) =>
      (
        (resource.Properties?.PolicyDocument as { Statement: unknown }).Statement as {
          Action: unknown;
          Resource: unknown;
        }[]
      ).some(
        (statement) =>
          JSON.stringify(statement.Action).includes('kms:GenerateDataKey') &&
          JSON.stringify(statement.Resource).includes('TokenKey'),
      ),
    );
    expect(withDataKeys).toHaveLength(5);
  });
});

describe('schedules', () => {
  it('tick every quarter hour through EventBridge Scheduler, retrying into a dead-letter queue', () => {
    // Two schedules: the tick, and the connectors' hourly sync (checked with the connectors).
    const schedules = across('AWS::Scheduler::Schedule').map(({ resource }) => resource.Properties);
    expect(schedules.map((properties) => properties?.ScheduleExpression).sort()).toEqual([
      'cron(0/15 * * * ? *)',
      'rate(1 hour)',
    ]);
    const schedule = schedules.find((properties) => properties?.ScheduleExpression !== 'rate(1 hour)');
    expect(schedule).toMatchObject({
      ScheduleExpression: 'cron(0/15 * * * ? *)',
      State: 'ENABLED',
      Target: {
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 600 },
        DeadLetterConfig: { Arn: expect.anything() },
      },
    });
  });

  it('queue tenant-day jobs on an encrypted FIFO queue with a FIFO dead-letter queue, consumed with partial batch failures', () => {
    const fifo = across('AWS::SQS::Queue').filter(({ resource }) => resource.Properties?.FifoQueue === true);
    expect(fifo).toHaveLength(2);
    const jobs = fifo.find(({ resource }) => resource.Properties?.RedrivePolicy);
    expect(jobs!.resource.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      RedrivePolicy: { maxReceiveCount: 5 },
    });
    const mapping = across('AWS::Lambda::EventSourceMapping').find(({ resource }) =>
      JSON.stringify(resource.Properties?.FunctionName).includes('RunTenantDayJobs'),
    );
    expect(mapping!.resource.Properties).toMatchObject({
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it("let the job worker read the credit bureau's secret, for the credit refresh, and no other", () => {
    const workers = across('AWS::Lambda::Function').filter(({ logicalId }) =>
      logicalId.startsWith('RunTenantDayJobs'),
    );
    expect(workers).toHaveLength(1);
    const env = workers[0]!.resource.Properties?.Environment as { Variables: Record<string, unknown> };
    expect(env.Variables.CREDIT_BUREAU_SECRET_ARN).toBeDefined();
    expect(env.Variables.STRIPE_SECRET_ARN).toBeUndefined();
    const reads = across('AWS::IAM::Policy')
      .filter(({ logicalId }) => logicalId.startsWith('RunTenantDayJobs'))
      .flatMap(({ resource }) => (resource.Properties?.PolicyDocument as { Statement: unknown[] }).Statement)
      .filter((statement) => JSON.stringify(statement).includes('secretsmanager:GetSecretValue'));
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads)).not.toContain('PaymentProviderKeys');
  });

  it('raise an alarm when a job or a tick is dead-lettered', () => {
    const descriptions = across('AWS::CloudWatch::Alarm').map(
      ({ resource }) => resource.Properties?.AlarmDescription,
    );
    expect(descriptions).toEqual(
      expect.arrayContaining([
        'A tenant-day job failed 5 times (jobs dead-letter queue)',
        'The schedule tick could not invoke OpenTenantDays',
      ]),
    );
  });
});

describe('messaging', () => {
  const messaging = () => dev.stack.messaging;

  it('sends from the outbox queue with partial batch failures, within the claim a sender holds', () => {
    const template = Template.fromStack(messaging());
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
    const sender = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('deliver queued messages') },
    });
    const [properties] = Object.values(sender).map(
      (resource) => resource.Properties as Record<string, unknown>,
    );
    expect((properties!.Timeout as number) * 1000).toBeLessThan(CLAIM_HOLDS_MS);
  });

  it('grants the sender exactly its channels: SES, End User Messaging and the letters prefix', () => {
    const template = Template.fromStack(messaging());
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: unknown }[])
      .map((statement) => statement.Action);
    expect(statements).toEqual(
      expect.arrayContaining([
        'ses:SendEmail',
        ['sms-voice:SendTextMessage', 'sms-voice:SendVoiceMessage'],
        's3:PutObject',
      ]),
    );
    expect(JSON.stringify(statements)).not.toMatch(/"s3:\*"|"ses:\*"|"sms-voice:\*"/);
  });

  it('routes SES and End User Messaging events to the report handler, and keeps letters private', () => {
    const template = Template.fromStack(messaging());
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.ses', 'aws.sms-voice'] },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: Match.arrayWith(['send', 'delivery', 'bounce', 'complaint']),
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('web hosting', () => {
  it('serves the bundle from a private bucket through CloudFront, with the API under /v1 uncached', () => {
    dev.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/v1/*',
            ViewerProtocolPolicy: 'https-only',
            // CachingDisabled, AllViewerExceptHostHeader (AWS managed policies)
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
            OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
          }),
        ],
        CustomErrorResponses: Match.arrayWith([
          Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ]),
      }),
    });
    dev.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', Match.anyValue());
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      }),
    });
  });

  it('copies the bundle with a role of our own: its log group, no AWS managed policy', () => {
    const roles = resourcesOfType(dev.template, 'AWS::IAM::Role');
    const deployRole = Object.entries(roles).find(([logicalId]) => logicalId.startsWith('WebDeployRole'));
    expect(deployRole).toBeDefined();
    expect(deployRole![1].Properties?.ManagedPolicyArns).toBeUndefined();
  });
});

describe('webhooks', () => {
  it('relays only new webhook events from the stream, with retries, partial failures and a dead-letter queue', () => {
    const template = dev.templateOf(dev.stack.webhooks);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'LATEST',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { entity: { S: ['WebhookEvent'] } } },
            }),
          },
        ],
      },
    });
  });

  it('sends from the webhook queue, whose entries outlive a day of retries, with an alarmed dead-letter queue', () => {
    const template = dev.templateOf(dev.stack.webhooks);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    dev.template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 120,
      MessageRetentionPeriod: 4 * 24 * 3600,
      RedrivePolicy: { maxReceiveCount: 30, deadLetterTargetArn: Match.anyValue() },
    });
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('webhook dead-letter queue'),
    });
  });

  it('lets only the retry route, the relay, the sender and the tick queue deliveries', () => {
    // Policies that may send to a queue whose ARN (or the nested stack parameter carrying it) names the webhook queue.
    const senders = dev
      .resourcesAcross('AWS::IAM::Policy')
      .filter(({ resource }) => JSON.stringify(resource).includes('sqs:SendMessage'))
      .filter(({ resource }) => JSON.stringify(resource).includes('WebhookQueue'));
    const names = senders.map(({ logicalId }) => logicalId).join(' ');
    expect(names).toMatch(/RelayWebhookEvents/);
    expect(names).toMatch(/OpenTenantDays/);
    expect(names).toMatch(/retryWebhookDelivery/);
    expect(names).not.toMatch(/createPayment|SendMessages/);
  });
});
