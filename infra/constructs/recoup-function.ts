/**
 * A Lambda function the Recoup way: TypeScript bundled by the local esbuild into one minified ESM
 * file (Node.js 22, arm64) over the Powertools layer, its own log group with the stage's retention, JSON logs, X-Ray
 * tracing, a role that starts with nothing but its log group, and alarms on errors and throttles.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { lambdaBundling } from '../lambda-bundling';
import { depsLockFilePath, fromProjectRoot, projectRoot } from '../paths';
import type { StageConfig } from '../stage';
import type { Observability } from './observability';
import { powertoolsLayer } from './powertools-layer';

export interface RecoupFunctionProps {
  /** Entry module relative to the project root; it exports `handler`. */
  entry: string;
  /** Names the function in alarm and role descriptions; defaults to the construct id. */
  label?: string;
  description?: string;
  stage: StageConfig;
  observability: Observability;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

export class RecoupFunction extends Construct {
  /** The handler module, relative to the project root. */
  readonly entry: string;
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly alarms: { errors: Alarm; throttles: Alarm };

  constructor(scope: Construct, id: string, props: RecoupFunctionProps) {
    super(scope, id);
    this.entry = props.entry;
    const { stage } = props;
    const label = props.label ?? id;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });

    // Our own role: no AWSLambdaBasicExecutionRole (it may write to any log group), only this one.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Recoup ${stage.stage}: execution role of ${label}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: fromProjectRoot(props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      // Logger, metrics and tracer are imported from the layer, not bundled.
      layers: [powertoolsLayer(this)],
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel[stage.logLevel],
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      projectRoot,
      depsLockFilePath,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'recoup',
        POWERTOOLS_METRICS_NAMESPACE: 'Recoup',
        LOG_LEVEL: stage.logLevel,
        RECOUP_STAGE: stage.stage,
        ...props.environment,
      },
      bundling: lambdaBundling,
    });

    this.alarms = {
      errors: new Alarm(this, 'ErrorsAlarm', {
        alarmDescription: `${label}: the function failed (unhandled error or timeout)`,
        metric: this.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      throttles: new Alarm(this, 'ThrottlesAlarm', {
        alarmDescription: `${label}: invocations were throttled (account or reserved concurrency exhausted)`,
        metric: this.function.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    };
    props.observability.watch(this.alarms.errors, this.alarms.throttles);

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to nodejs22.x on purpose: the project targets Node.js 22 (local runtime and esbuild target node22); moving to a newer runtime is a deliberate, tested upgrade.',
    });
    const defaultPolicy = this.role.node.tryFindChild('DefaultPolicy');
    if (defaultPolicy !== undefined) {
      Validations.of(defaultPolicy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html).',
      });
    }
  }
}
