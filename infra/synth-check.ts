/**
 * `npm run synth`: synthesizes the app for every stage through the real CDK CLI, offline, and fails
 * on any cdk-nag error (the CLI exits non-zero when a validation plugin reports one).
 *
 * Both stages are synthesized in parallel into `cdk.out/<stage>` — they differ in settings that
 * matter to the checks (removal policies, deletion protection, threat protection, auth flows), and
 * running them side by side costs little more wall time than one (bundling is the slow part, and
 * esbuild is quick). Then it prints a short summary per stage.
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

interface Summary {
  stacks: string[];
  lambdas: number;
  acknowledgements: number;
  nagErrors: number;
  nagWarnings: number;
}

const ACKNOWLEDGED = 'aws:cdk:acknowledged-rules';

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

function summarize(outdir: string): Summary {
  const dir = join(projectRoot, outdir);
  const templates = readdirSync(dir).filter((file) => file.endsWith('.template.json'));
  let lambdas = 0;
  let acknowledgements = 0;
  for (const file of templates) {
    const template = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      Resources?: Record<string, { Type: string }>;
    };
    lambdas += Object.values(template.Resources ?? {}).filter(
      (r) => r.Type === 'AWS::Lambda::Function',
    ).length;
    const metadataFile = join(dir, file.replace('.template.json', '.metadata.json'));
    if (existsSync(metadataFile)) {
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
    stacks: templates.map((file) => file.replace('.template.json', '')),
    lambdas,
    acknowledgements,
    nagErrors,
    nagWarnings,
  };
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
    if (summary.nagErrors > 0) failed = true;
    console.log(
      `${summary.nagErrors > 0 ? '✗' : '✓'} ${result.stage}: ${summary.stacks.join(', ')} — ${summary.lambdas} Lambdas, ` +
        `${summary.acknowledgements} nag acknowledgements, ${summary.nagErrors} nag errors, ` +
        `${summary.nagWarnings} nag warnings (${result.seconds.toFixed(1)} s, ${result.outdir})`,
    );
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
