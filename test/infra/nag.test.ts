/**
 * cdk-nag (AWS Solutions) runs as a validation plugin during synthesis: `synthesize` would throw
 * on any unacknowledged error. These tests also keep the acknowledgements honest: each must name
 * a finding that really occurs at or below the construct it is attached to, with a real reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { synthesize, type Synthesized } from './synth';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

/** Every AwsSolutions finding as if nothing were acknowledged. */
function allFindings(root: IConstruct): { rule: string; path: string }[] {
  const pack = new AwsSolutionsChecks();
  (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
  return pack
    .validateScope(root)
    .violations.flatMap((v) =>
      v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })),
    );
}

const variants: [string, Record<string, unknown>][] = [
  ['dev', { stage: 'dev' }],
  ['prod', { stage: 'prod', alarmEmail: 'ops@example.com' }],
  [
    'dev with federation and optional MFA',
    {
      stage: 'dev',
      mfa: 'optional',
      samlMetadataUrl: 'https://idp.acme.example/metadata.xml',
      samlTenantId: 'acme',
      oidcIssuer: 'https://login.globex.example',
      oidcClientId: 'recoup-client',
      oidcClientSecretName: 'recoup/globex-oidc',
      oidcTenantId: 'globex',
    },
  ],
];

describe.each(variants)('cdk-nag AwsSolutions: %s', (_name, context) => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize(context);
  });

  it('synthesizes with zero unacknowledged errors or warnings', () => {
    const reportFile = join(synthesized.assembly.directory, 'validation-report.json');
    if (existsSync(reportFile)) {
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
        pluginReports: { violations: unknown[] }[];
      };
      expect(report.pluginReports.flatMap((r) => r.violations)).toEqual([]);
    }
    const pack = new AwsSolutionsChecks();
    expect(pack.validateScope(synthesized.app).violations).toEqual([]);
  });

  it('acknowledges only findings that occur, each with a specific reason', () => {
    const findings = allFindings(synthesized.app);
    const acknowledgements = acknowledgementsIn(synthesized.app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    const stale = acknowledgements
      .filter(
        (ack) =>
          !findings.some(
            (finding) =>
              finding.rule === ack.id &&
              (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`)),
          ),
      )
      .map((ack) => `${ack.id} at ${ack.path}`);
    expect(stale).toEqual([]);
    const vague = acknowledgements
      .filter((ack) => ack.reason.length < 60)
      .map((ack) => `${ack.id}: ${ack.reason}`);
    expect(vague).toEqual([]);
  });

  it('acknowledges only the expected rules', () => {
    // The state machine may invoke its task functions' versions (`<function ARN>:*`), one rule each;
    // each schedule (the tick, the connectors' hourly sync) its one target's. The schedules'
    // dead-letter queues are Scheduler DLQs, which the rule
    // for queues without one does not recognise. The sender writes letters under one prefix of the
    // letters bucket, whose access is recorded on each message rather than in server access logs;
    // the import routes and worker use one prefix of the imports bucket.
    // The web bundle is copied by CDK's BucketDeployment handler (its role, runtime and grants) and
    // served by CloudFront on its default domain. Stripe's keys and the accounting OAuth clients are
    // rolled at the provider, and the credit bureau's password in the Creditsafe account, not by
    // Secrets Manager; the connectors' OAuth callback is public. Documents are signed for, checked and scanned (GuardDuty) under one prefix of the
    // documents bucket, each with a key made when it is announced; GuardDuty names its own rules.
    const rules = new Set(
      acknowledgementsIn(synthesized.app).map((ack) =>
        ack.id
          .replace(
            /^AwsSolutions-IAM5\[Resource::<(ReviewCase|WaitForNextStep|RaiseCaseAlarm)LambdaFunction[0-9A-F]{8}\.Arn>:\*\]$/,
            'AwsSolutions-IAM5[Resource::<workflow task>:*]',
          )
          .replace(
            /^AwsSolutions-IAM5\[Resource::<(OpenTenantDays|QueueConnectorSyncs)LambdaFunction[0-9A-F]{8}\.Arn>:\*\]$/,
            'AwsSolutions-IAM5[Resource::<schedule target>:*]',
          )
          .replace(
            /^AwsSolutions-IAM5\[Resource::<Letters[0-9A-F]{8}\.Arn>\/letters\/\*\]$/,
            'AwsSolutions-IAM5[Resource::<letters bucket>/letters/*]',
          )
          .replace(
            /^AwsSolutions-IAM5\[Resource::<(ImportsFiles[0-9A-F]{8}\.Arn|referencetoRecoup\w+ImportsFiles[0-9A-F]{8}Arn)>\/imports\/\*\]$/,
            'AwsSolutions-IAM5[Resource::<imports bucket>/imports/*]',
          )
          .replace(
            /^AwsSolutions-IAM5\[Resource::<WebAssets[0-9A-F]{8}\.Arn>\/\*\]$/,
            'AwsSolutions-IAM5[Resource::<web bucket>/*]',
          )
          .replace(
            /^AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:s3:::recoup-[a-z]+-documents-<AWS::AccountId>-<AWS::Region>\/documents\/\*\]$/,
            'AwsSolutions-IAM5[Resource::<documents bucket>/documents/*]',
          ),
      ),
    );
    const expected = [
      'AwsSolutions-L1',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::<workflow task>:*]',
      'AwsSolutions-IAM5[Resource::<schedule target>:*]',
      'AwsSolutions-IAM5[Resource::<letters bucket>/letters/*]',
      'AwsSolutions-IAM5[Resource::<imports bucket>/imports/*]',
      'AwsSolutions-IAM5[Resource::<documents bucket>/documents/*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]',
      'AwsSolutions-SQS3',
      'AwsSolutions-APIG4',
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR3',
      'AwsSolutions-CFR4',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Resource::<web bucket>/*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
    ];
    if (context.mfa === 'optional') expected.push('AwsSolutions-COG2');
    expect([...rules].sort()).toEqual(expected.sort());
  });
});
