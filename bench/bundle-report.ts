/**
 * Bundles every Lambda entry as it ships (ESM, minified, AWS SDK external) and reports its size
 * and module init time, each loaded in a fresh Node process.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { lambdaBundling } from '../infra/lambda-bundling';
import { apiRoutes } from '../shared/http/routes';
import { projectRoot } from '../local/runtime';

export interface BundleFigures {
  entry: string;
  bytes: number;
  gzipBytes: number;
  initMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function initTime(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const runs = [0, 1, 2].map(() =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: projectRoot,
        env: {
          ...process.env,
          TABLE_NAME: 'bench',
          AWS_REGION: 'eu-west-1',
          POWERTOOLS_TRACE_ENABLED: 'false',
          NODE_NO_WARNINGS: '1',
        },
      }).toString(),
    ),
  );
  return median(runs);
}

/** Every function that ships: one per route, and those of every other folder (workflow, schedules…). */
function allEntries(): string[] {
  const folders = readdirSync(join(projectRoot, 'functions')).filter((folder) => folder !== 'api');
  const others = folders.flatMap((folder) =>
    readdirSync(join(projectRoot, 'functions', folder))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `functions/${folder}/${file}`),
  );
  return [...new Set(apiRoutes.map((route) => route.handlerEntry)), ...others];
}

export async function bundleReport(entries = allEntries()): Promise<BundleFigures[]> {
  const outRoot = join(projectRoot, '.cache', 'bench', 'bundles');
  const figures: BundleFigures[] = [];
  for (const entry of entries) {
    const outfile = join(outRoot, entry.replace(/\.ts$/, ''), 'index.mjs');
    await build({
      entryPoints: [join(projectRoot, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: lambdaBundling.target,
      minify: lambdaBundling.minify,
      sourcemap: false,
      mainFields: lambdaBundling.mainFields,
      external: lambdaBundling.externalModules,
      banner: { js: lambdaBundling.banner },
      logLevel: 'error',
    });
    const code = readFileSync(outfile);
    figures.push({ entry, bytes: code.length, gzipBytes: gzipSync(code).length, initMs: initTime(outfile) });
  }
  return figures;
}
