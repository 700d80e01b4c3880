/**
 * The web apps (debtor portal, collectors' console): the built bundle in a private bucket behind
 * CloudFront (origin access control), with the API under the same origin — `/v1/*` goes to the
 * HTTP API, uncached, with the caller's headers — so the browser needs no CORS and the token
 * never leaves the one site. The apps' own paths answer `index.html`.
 */
import { existsSync } from 'node:fs';
import { Duration, Fn, Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fromProjectRoot } from '../paths';
import type { StageConfig } from '../stage';

export const WEB_DIST = 'web/dist';

export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(
    scope: Construct,
    id: string,
    props: {
      stage: StageConfig;
      apiUrl: string;
      /** `/config.json` of the apps: where the portal signs in with its links. */
      config: {
        cognito: { endpoint: string; clientId: string };
        console: { authorizeUrl: string; tokenUrl: string; clientId: string };
      };
    },
  ) {
    super(scope, id);
    const dist = fromProjectRoot(WEB_DIST);
    if (!existsSync(dist)) throw new Error(`${WEB_DIST} is missing: run \`npm run build:web\` before synth`);

    this.bucket = new Bucket(this, 'Assets', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: props.stage.removalPolicy,
      autoDeleteObjects: false,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the public web bundle, written by the deployment; CloudFront logs the reads.',
    });

    // https://<api id>.execute-api.<region>.amazonaws.com/ → its host name.
    const apiDomain = Fn.select(2, Fn.split('/', props.apiUrl));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Recoup ${props.stage.stage}: debtor portal and collectors' console`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new HttpOrigin(apiDomain),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        },
      },
      // The apps route in the browser: a deep link (/portal, /console/debtors/…) loads index.html.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
    });
    for (const [rule, reason] of [
      [
        'AwsSolutions-CFR1',
        'Debtors and creditors are in many countries; no geographic restriction applies.',
      ],
      [
        'AwsSolutions-CFR2',
        'The API behind `/v1/*` has its own throttling and JWT authorizer; a WAF web ACL is an account-level choice an operator attaches to the distribution.',
      ],
      [
        'AwsSolutions-CFR3',
        'Access is logged where it matters: the API access logs and the audit log of every change.',
      ],
      [
        'AwsSolutions-CFR4',
        'The default CloudFront domain has no custom certificate to pin TLS 1.2 on; a custom domain sets TLSv1.2_2021.',
      ],
    ] as const) {
      Validations.of(this.distribution).acknowledge({ id: rule, reason });
    }

    // Our own role for CDK's copy handler: its log group and the grants the deployment adds, no
    // AWS managed policy.
    const deployLogs = new LogGroup(this, 'DeployLogs', {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.removalPolicy,
    });
    const deployRole = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Recoup ${props.stage.stage}: copies the web bundle into its bucket during deployments`,
    });
    deployLogs.grantWrite(deployRole);
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(dist), Source.jsonData('config.json', props.config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
      role: deployRole,
      logGroup: deployLogs,
    });
    acknowledgeDeploymentHandler(this, deployment);
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}

/**
 * CDK's deployment handler (a custom resource that copies the bundle from the assets bucket into
 * ours and invalidates the page) runs only while CloudFormation deploys; its role and runtime are
 * CDK's, as CDK grants them.
 */
function acknowledgeDeploymentHandler(scope: Construct, deployment: BucketDeployment): void {
  const stack = Stack.of(scope);
  const handler = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  const policy = deployment.handlerRole.node.tryFindChild('DefaultPolicy');
  const because =
    'CDK BucketDeployment handler: copies the web bundle from the CDK assets bucket into the web bucket during deployments';
  if (policy) {
    // The assets bucket's name carries the region, as a token or as the stack's region.
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const bucketId = stack.resolve(
      (scope.node.findChild('Assets').node.defaultChild as CfnResource).logicalId,
    ) as string;
    for (const id of [
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`,
      `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      'AwsSolutions-IAM5[Resource::*]',
    ]) {
      Validations.of(policy).acknowledge({
        id,
        reason: `${because}: CDK's grant on the two buckets, and CloudFront invalidations, which name no resource.`,
      });
    }
  }
  if (handler) {
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: `${because}; CDK pins the Python runtime it is written for.`,
    });
  }
}
