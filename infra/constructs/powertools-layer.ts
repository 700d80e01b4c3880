/**
 * The official Powertools for AWS Lambda (TypeScript) layer, at exactly the version the project
 * pins. Bundles leave Powertools (and the X-Ray SDK its tracer brings, ~150 KB minified) to the
 * layer: one copy shared by every function instead of one in each bundle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { type ILayerVersion, LayerVersion } from 'aws-cdk-lib/aws-lambda';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { projectRoot } from '../paths';

const PACKAGE_SCOPE = '@aws-lambda-powertools/';

/** The one Powertools version package.json pins for every Powertools package. */
export function powertoolsVersion(): string {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const pins = Object.entries(manifest.dependencies ?? {}).filter(([name]) => name.startsWith(PACKAGE_SCOPE));
  const versions = new Set(pins.map(([, version]) => version));
  const [version] = versions;
  if (versions.size !== 1 || !version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(
      `Every ${PACKAGE_SCOPE}* dependency must be pinned to one exact version (the layer's); found ${pins
        .map(([name, pinned]) => `${name}@${pinned}`)
        .join(', ')}`,
    );
  }
  return version;
}

/**
 * AWS publishes each release's layer ARN as a public SSM parameter in every region; CloudFormation
 * resolves it at deploy time, so synth needs no lookup (and no account).
 */
export function powertoolsLayerParameter(version = powertoolsVersion()): string {
  return `/aws/service/powertools/typescript/generic/all/${version}`;
}

/** The layer, referenced once per stack. */
export function powertoolsLayer(scope: Construct): ILayerVersion {
  const stack = Stack.of(scope);
  const id = 'PowertoolsLayer';
  const existing = stack.node.tryFindChild(id) as ILayerVersion | undefined;
  return (
    existing ??
    LayerVersion.fromLayerVersionArn(
      stack,
      id,
      StringParameter.valueForStringParameter(stack, powertoolsLayerParameter()),
    )
  );
}
