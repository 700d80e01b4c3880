/**
 * Builds the real CDK app in-process for assertions: cdk-nag runs as in `cdk synth` (a failed
 * check makes `app.synth()` throw), but Lambda bundling is skipped — `npm run synth` bundles every
 * function through the CLI — and so is CloudFormation's schema validation, which `npm run synth`
 * also runs. Build once per test file (in `beforeAll`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { createApp, type RecoupApp } from '../../infra/create-app';
import type { RouteDefinition } from '../../shared/http/route';

export interface Synthesized extends RecoupApp {
  assembly: CloudAssembly;
  template: Template;
  outdir: string;
}

export function synthesize(
  context: Record<string, unknown> = {},
  routes?: readonly RouteDefinition[],
): Synthesized {
  process.env.CDK_VALIDATION = 'false';
  const outdir = mkdtempSync(join(tmpdir(), 'recoup-cdk-'));
  const recoup = createApp({
    outdir,
    context: { 'aws:cdk:bundling-stacks': [], ...context },
    ...(routes ? { routes } : {}),
  });
  const assembly = recoup.app.synth();
  return { ...recoup, assembly, template: Template.fromStack(recoup.stack), outdir };
}

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string }
>;

export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}
