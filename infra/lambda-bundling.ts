/**
 * How every Lambda is bundled, in one place: NodejsFunction uses it at synth time and the bundle
 * benchmark (bench/bundle-report.ts) feeds the same settings to esbuild directly.
 */
import { type BundlingOptions, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * ESM bundles may still contain CommonJS dependencies that call `require`; this gives them one.
 * The import is aliased so it cannot collide with a bundled `createRequire` import.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __recoupCreateRequire } from 'node:module'; const require = __recoupCreateRequire(import.meta.url);";

export interface LambdaBundling extends BundlingOptions {
  format: OutputFormat;
  target: string;
  minify: boolean;
  sourceMap: boolean;
  sourcesContent: boolean;
  mainFields: string[];
  banner: string;
  externalModules: string[];
  forceDockerBundling: boolean;
}

export const lambdaBundling: LambdaBundling = {
  format: OutputFormat.ESM,
  target: 'node22',
  minify: true,
  // External .map files; NODE_OPTIONS=--enable-source-maps maps stack traces to TypeScript.
  sourceMap: true,
  sourcesContent: false,
  // Prefer ES module builds of dependencies (better tree shaking).
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  // The Node.js 22 runtime ships AWS SDK v3's clients; the S3 presigners are not among them, so
  // they are bundled (into the functions that sign document uploads and downloads only).
  // Powertools (with the X-Ray SDK) comes from its official layer (constructs/powertools-layer.ts).
  externalModules: ['@aws-sdk/client-*', '@aws-sdk/lib-*', '@aws-lambda-powertools/*'],
  // The local esbuild devDependency; no Docker.
  forceDockerBundling: false,
  logLevel: LogLevel.WARNING,
};
