/**
 * Where alarms go and where operators look: an encrypted SNS topic every alarm notifies (and
 * e-mails, when the stage has an `alarmEmail`), and one CloudWatch dashboard other constructs add
 * their widgets to.
 */
import { Duration } from 'aws-cdk-lib';
import { Alarm, Dashboard, type IWidget, PeriodOverride, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage';

export interface ObservabilityProps {
  stage: StageConfig;
}

export class Observability extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { stage } = props;

    // CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key, so the topic has
    // its own key whose policy lets CloudWatch use it.
    const key = new Key(this, 'TopicKey', {
      description: `Recoup ${stage.stage}: alarm topic encryption`,
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `Recoup ${stage.stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (stage.alarmEmail !== undefined) {
      this.topic.addSubscription(new EmailSubscription(stage.alarmEmail));
    }
    this.action = new SnsAction(this.topic);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(3),
      periodOverride: PeriodOverride.AUTO,
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Recoup (${stage.stage})\nAPI traffic, errors and latency; alarms notify the alarm topic.`,
        width: 24,
        height: 2,
      }),
    );
  }

  /** Sends the alarm's ALARM and OK transitions to the alarm topic. */
  watch(...alarms: Alarm[]): void {
    for (const alarm of alarms) {
      alarm.addAlarmAction(this.action);
      alarm.addOkAction(this.action);
    }
  }

  addWidgets(...widgets: IWidget[]): void {
    this.dashboard.addWidgets(...widgets);
  }
}
