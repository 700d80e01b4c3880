/**
 * `npm run synth`: synthesizes the app for every stage through the real CDK CLI, offline, and fails
 * on any cdk-nag error (the CLI exits non-zero when a validation plugin reports one).
 *
 * Both stages are synthesized in parallel into `cdk.out/<stage>` — they differ in settings that
 * matter to the checks (removal policies, deletion protection, threat protection, auth flows), and
 * running them side by side costs little more wall time than one (bundling is the slow part, and
 * esbuild is quick). Then it prints a short summary per stage, and the resource count of every
 * stack, parent and nested: CloudFormation refuses a template with more than 500 resources, and
 * the check fails before a deployment would.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths';
import { STAGES, type StageName } from './stage';

interface StageResult {
  stage: StageName;
  exitCode: number;
  seconds: number;
  output: string;
  outdir: string;
}

interface StackSummary {
  /** The stack name, or for a nested stack its construct path below the parent. */
  name: string;
  templateFile: string;
  resources: number;
  lambdas: number;
  nested: StackSummary[];
}

interface Summary {
  stacks: StackSummary[];
  lambdas: number;
  acknowledgements: number;
  nagErrors: number;
  nagWarnings: number;
}

interface CfnTemplate {
  Resources?: Record<string, { Type: string; Metadata?: Record<string, unknown> }>;
}

const ACKNOWLEDGED = 'aws:cdk:acknowledged-rules';
/** CloudFormation's hard limit of resources in one template. */
const RESOURCE_LIMIT = 500;
/** Headroom the infra tests enforce (test/infra/stack-limits.test.ts); flagged here too. */
const RESOURCE_BUDGET = 450;

function synth(stage: StageName): Promise<StageResult> {
  const outdir = join('cdk.out', stage);
  rmSync(join(projectRoot, outdir), { recursive: true, force: true });
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['cdk', 'synth', '--no-notices', '-q', '-c', `stage=${stage}`, '-o', outdir], {
      cwd: projectRoot,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: 'true', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) =>
      resolve({ stage, exitCode: code ?? 1, seconds: (Date.now() - started) / 1000, output, outdir }),
    );
  });
}

/**
 * A stack and, through the `AWS::CloudFormation::Stack` resources in its template, its nested
 * stacks (their template files are named in the `aws:asset:path` metadata the CLI writes).
 */
function stackSummary(dir: string, name: string, templateFile: string, seen: Set<string>): StackSummary {
  seen.add(templateFile);
  const template = JSON.parse(readFileSync(join(dir, templateFile), 'utf8')) as CfnTemplate;
  const resources = Object.entries(template.Resources ?? {});
  const nested: StackSummary[] = [];
  for (const [logicalId, resource] of resources) {
    if (resource.Type !== 'AWS::CloudFormation::Stack') continue;
    const nestedFile = resource.Metadata?.['aws:asset:path'];
    if (typeof nestedFile !== 'string' || !existsSync(join(dir, nestedFile))) continue;
    nested.push(stackSummary(dir, nestedStackName(resource.Metadata, logicalId), nestedFile, seen));
  }
  return {
    name,
    templateFile,
    resources: resources.length,
    lambdas: resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function').length,
    nested,
  };
}

/** `Recoup-dev/Api/Routes-Debtors.NestedStack/Routes-Debtors.NestedStackResource` → `Api/Routes-Debtors`. */
function nestedStackName(metadata: Record<string, unknown> | undefined, logicalId: string): string {
  const path = metadata?.['aws:cdk:path'];
  if (typeof path !== 'string') return logicalId;
  return path
    .split('/')
    .slice(1, -1)
    .join('/')
    .replace(/\.NestedStack$/, '');
}

function allStacks(stacks: StackSummary[]): StackSummary[] {
  return stacks.flatMap((stack) => [stack, ...allStacks(stack.nested)]);
}

function summarize(outdir: string): Summary {
  const dir = join(projectRoot, outdir);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<string, { type: string; properties?: { templateFile?: string } }>;
  };
  const seen = new Set<string>();
  const stacks: StackSummary[] = [];
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const templateFile = artifact.properties?.templateFile;
    if (artifact.type !== 'aws:cloudformation:stack' || templateFile === undefined) continue;
    stacks.push(stackSummary(dir, artifactId, templateFile, seen));
  }
  // Without asset metadata a nested template cannot be placed under its parent; still count it.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.template.json') && !seen.has(f))) {
    stacks.push(stackSummary(dir, file.replace(/(\.nested)?\.template\.json$/, ''), file, seen));
  }

  let acknowledgements = 0;
  for (const stack of stacks) {
    const metadataFile = join(dir, stack.templateFile.replace('.template.json', '.metadata.json'));
    if (!existsSync(metadataFile)) continue;
    // Nested stacks have no metadata file: their constructs' metadata is in the parent's.
    const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<
      string,
      { type: string; data?: Record<string, string> }[]
    >;
    for (const entries of Object.values(metadata)) {
      for (const entry of entries) {
        if (entry.type === ACKNOWLEDGED) acknowledgements += Object.keys(entry.data ?? {}).length;
      }
    }
  }

  let nagErrors = 0;
  let nagWarnings = 0;
  const reportFile = join(dir, 'validation-report.json');
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      pluginReports: { violations: { severity: string; violatingConstructs?: unknown[] }[] }[];
    };
    for (const plugin of report.pluginReports) {
      for (const violation of plugin.violations) {
        const count = violation.violatingConstructs?.length ?? 1;
        if (violation.severity === 'error' || violation.severity === 'fatal') nagErrors += count;
        else nagWarnings += count;
      }
    }
  }
  return {
    stacks,
    lambdas: allStacks(stacks).reduce((sum, stack) => sum + stack.lambdas, 0),
    acknowledgements,
    nagErrors,
    nagWarnings,
  };
}

function printStacks(stacks: StackSummary[], depth: number): void {
  const width = Math.max(...allStacks(stacks).map((stack) => stack.name.length)) + 2 * depth;
  const print = (list: StackSummary[], level: number) => {
    for (const stack of list) {
      const flag =
        stack.resources > RESOURCE_LIMIT
          ? `  ✗ over CloudFormation's limit of ${RESOURCE_LIMIT}`
          : stack.resources > RESOURCE_BUDGET
            ? `  ! over the budget of ${RESOURCE_BUDGET}`
            : '';
      const label = `${'  '.repeat(level)}${stack.name}`.padEnd(width + 2);
      console.log(
        `  ${label}${String(stack.resources).padStart(4)} resources, ${stack.lambdas} Lambda${stack.lambdas === 1 ? '' : 's'}${flag}`,
      );
      print(stack.nested, level + 1);
    }
  };
  print(stacks, depth);
}

async function main(): Promise<void> {
  const started = Date.now();
  const results = await Promise.all(STAGES.map((stage) => synth(stage)));

  let failed = false;
  for (const result of results) {
    if (result.exitCode !== 0) {
      failed = true;
      console.error(
        `\n✗ ${result.stage}: cdk synth exited ${result.exitCode} after ${result.seconds.toFixed(1)} s`,
      );
      console.error(result.output.trim());
      continue;
    }
    const summary = summarize(result.outdir);
    const everyStack = allStacks(summary.stacks);
    const tooBig = everyStack.some((stack) => stack.resources > RESOURCE_LIMIT);
    const stageFailed = summary.nagErrors > 0 || tooBig;
    if (stageFailed) failed = true;
    const names = summary.stacks
      .map((stack) =>
        stack.nested.length > 0 ? `${stack.name} (+${stack.nested.length} nested)` : stack.name,
      )
      .join(', ');
    console.log(
      `${stageFailed ? '✗' : '✓'} ${result.stage}: ${names} — ${summary.lambdas} Lambdas, ` +
        `${summary.acknowledgements} nag acknowledgements, ${summary.nagErrors} nag errors, ` +
        `${summary.nagWarnings} nag warnings (${result.seconds.toFixed(1)} s, ${result.outdir})`,
    );
    printStacks(summary.stacks, 1);
    // Warnings the app chose to surface (e.g. placeholder callback URLs) are worth seeing.
    for (const line of result.output.split('\n')) {
      if (/\[Warning|WARN/i.test(line)) console.log(`    ${line.trim()}`);
    }
  }
  console.log(
    `${failed ? 'synth check FAILED' : 'synth check passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (failed) process.exit(1);
}

void main();
