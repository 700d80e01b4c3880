/**
 * The synthesized workflow definition, cached on disk by a hash of everything it is built from
 * (the construct, the task list, the aws-cdk-lib version), so each start does not pay for loading
 * the CDK. A change to any of those synthesizes again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'infra/constructs/collection-workflow.ts',
  'infra/workflow-definition.ts',
  'shared/workflow/collection-workflow-tasks.ts',
  'node_modules/aws-cdk-lib/package.json',
];

export async function workflowDefinition(projectRoot: string): Promise<Record<string, unknown>> {
  const hash = createHash('sha256');
  for (const source of SOURCES) hash.update(readFileSync(join(projectRoot, source)));
  const file = join(projectRoot, '.cache', `workflow-definition-${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { synthesizeWorkflowDefinition } = await import('../../infra/workflow-definition');
  const { definition } = synthesizeWorkflowDefinition();
  mkdirSync(join(projectRoot, '.cache'), { recursive: true });
  writeFileSync(file, JSON.stringify(definition));
  return definition;
}
