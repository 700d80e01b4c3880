/**
 * Builds the real CDK app in-process for assertions: cdk-nag runs as in `cdk synth` (a failed
 * check makes `app.synth()` throw), but Lambda bundling is skipped — `npm run synth` bundles every
 * function through the CLI — and so is CloudFormation's schema validation, which `npm run synth`
 * also runs. Build once per test file (in `beforeAll`).
 *
 * `template` is the parent stack's; the per-route resources live in nested stacks (one per route
 * group), reached through `stacks`, `templateOf` and `resourcesAcross`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CfnElement, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { createApp, type RecoupApp } from '../../infra/create-app';
import type { RouteDefinition } from '../../shared/http/route';

export interface Synthesized extends RecoupApp {
  assembly: CloudAssembly;
  template: Template;
  outdir: string;
  /** Every stack of the app, parent and nested, as the construct tree holds them. */
  stacks: Stack[];
  templateOf(stack: Stack): Template;
  /** Resources of a type in every stack, parent and nested, with the stack each is in. */
  resourcesAcross(type: string): FoundResource[];
}

export interface FoundResource {
  stack: Stack;
  logicalId: string;
  resource: Resources[string];
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
  const stacks = recoup.app.node
    .findAll()
    .filter((construct): construct is Stack => Stack.isStack(construct));
  const templates = new Map<Stack, Template>();
  const templateOf = (stack: Stack): Template => {
    let template = templates.get(stack);
    if (template === undefined) {
      // The app is already synthesized: this reads the stack's template from the assembly.
      template = Template.fromStack(stack);
      templates.set(stack, template);
    }
    return template;
  };
  const resourcesAcross = (type: string): FoundResource[] =>
    stacks.flatMap((stack) =>
      Object.entries(resourcesOfType(templateOf(stack), type)).map(([logicalId, resource]) => ({
        stack,
        logicalId,
        resource,
      })),
    );
  return {
    ...recoup,
    assembly,
    template: templateOf(recoup.stack),
    outdir,
    stacks,
    templateOf,
    resourcesAcross,
  };
}

export type Resources = Record<
  string,
  {
    Type: string;
    Properties?: Record<string, unknown>;
    DeletionPolicy?: string;
    UpdateReplacePolicy?: string;
  }
>;

/** Logical id of a construct's CloudFormation resource in its own (possibly nested) stack. */
export function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

/**
 * A value as the parent stack sees it: a nested stack's `{ Ref: <parameter> }` becomes what the
 * parent passes for that parameter (e.g. `{ Ref: <the parent's authorizer> }`), level by level.
 */
export function fromParent(synthesized: Synthesized, stack: Stack, value: unknown): unknown {
  let current = value;
  let scope: Stack = stack;
  while (NestedStack.isNestedStack(scope) && scope.nestedStackParent !== undefined) {
    const ref = (current as { Ref?: unknown } | undefined)?.Ref;
    const parameters = synthesized.templateOf(scope).toJSON().Parameters as
      Record<string, unknown> | undefined;
    if (typeof ref !== 'string' || parameters?.[ref] === undefined) return current;
    const parent = scope.nestedStackParent;
    const resourceId = parent.getLogicalId(scope.nestedStackResource as CfnElement);
    const passed = synthesized.templateOf(parent).toJSON().Resources[resourceId].Properties
      .Parameters as Record<string, unknown>;
    current = passed[ref];
    scope = parent;
  }
  return current;
}

export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}
