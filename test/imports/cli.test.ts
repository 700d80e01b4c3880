/** The `recoup` command line against the local runtime: import with a report, then an export. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApi, type TestApi } from '../support/local-api';

const run = promisify(execFile);
let api: TestApi;
let dir: string;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
  dir = mkdtempSync(join(tmpdir(), 'recoup-cli-'));
});
afterAll(async () => {
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
});

const recoup = (...args: string[]) =>
  run(process.execPath, ['cli/bin/recoup.mjs', ...args, '--url', api.runtime.url, '--tenant', 'cli-co'], {
    env: { ...process.env, RECOUP_TOKEN: '' },
  });

it('imports files, reports the rows it could not import, and exports the aging', async () => {
  const customers = join(dir, 'customers.csv');
  writeFileSync(
    customers,
    'externalRef,name,kind,timezone,jurisdiction\nL-1,Line Ltd,business,Europe/London,GB\nL-2,Bad,alien,Europe/London,GB\n',
  );
  const imported = await recoup('import', 'debtors', customers, '--quiet');
  expect(imported.stdout).toMatch(
    /: completed\n {2}rows 2, created 1, updated 0, unchanged 0, invalid 1\n {2}row 2: kind /,
  );

  const invoices = join(dir, 'invoices.csv');
  writeFileSync(
    invoices,
    'number,debtorExternalRef,currency,amount,issueDate,dueDate\nL-INV-1,L-1,GBP,"1,250.00",2027-01-05,2027-02-04\n',
  );
  const dry = await recoup('import', 'invoices', invoices, '--dry-run', '--quiet');
  expect(dry.stdout).toContain('rows 1, would create 1');
  await recoup('import', 'invoices', invoices, '--quiet');

  const aging = join(dir, 'aging.csv');
  await recoup('export', 'aging', '--as-of', '2027-03-01', '--out', aging);
  const lines = readFileSync(aging, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(',Line Ltd,L-1,GBP,1250.00,125000,1250.00,125000,');

  const listed = await recoup('imports');
  expect(listed.stdout.trim().split('\n')).toHaveLength(3);
}, 60_000);
