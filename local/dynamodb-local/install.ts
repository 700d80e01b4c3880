/**
 * Installs AWS DynamoDB Local (the official jar) into the project cache without Docker or a
 * network beyond the npm registry: the jar ships inside the npm package
 * `amplify-dynamodb-simulator`, so only that tarball is fetched (`npm pack`), checked against a
 * pinned checksum, and its `emulator/` folder extracted.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const TARBALL = 'amplify-dynamodb-simulator-2.9.30.tgz';
const SHA256 = '3503ffac19f183407909fecdacf4db51ab1fdad1da7b2f177016670b2d80e4b9';

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const cacheDir = process.env.RECOUP_CACHE_DIR ?? join(projectRoot, '.cache');
export const dynamoDbLocalDir = join(cacheDir, 'dynamodb-local');

export function isDynamoDbLocalInstalled(): boolean {
  return existsSync(join(dynamoDbLocalDir, 'DynamoDBLocal.jar'));
}

export function installDynamoDbLocal(log: (line: string) => void = console.log): string {
  if (isDynamoDbLocalInstalled()) return dynamoDbLocalDir;
  const work = join(cacheDir, 'dynamodb-local.download');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  log(`Fetching DynamoDB Local (${PACKAGE}, ~56 MB) from the npm registry…`);
  execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], { stdio: 'ignore' });
  const tarball = join(work, TARBALL);
  const digest = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  if (digest !== SHA256) throw new Error(`DynamoDB Local tarball checksum mismatch: ${digest}`);
  execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/emulator']);
  rmSync(dynamoDbLocalDir, { recursive: true, force: true });
  renameSync(join(work, 'package', 'emulator'), dynamoDbLocalDir);
  rmSync(work, { recursive: true, force: true });
  log(`DynamoDB Local installed in ${dynamoDbLocalDir}`);
  return dynamoDbLocalDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  installDynamoDbLocal();
}
