/** Filesystem anchors for the CDK app: bundling resolves handler entries against the project root. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json and package-lock.json). */
export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The lock file esbuild bundling keys its asset hash on. */
export const depsLockFilePath = join(projectRoot, 'package-lock.json');

/** Absolute path of a module given relative to the project root (as route `handlerEntry`s are). */
export function fromProjectRoot(relativePath: string): string {
  return join(projectRoot, relativePath);
}
