/** `npm run bench`: prints bundle sizes, init times and local API latency/throughput. */
import '../local/support/quiet-node-notice';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const { bundleReport } = await import('./bundle-report');
const { apiLoad } = await import('./api-load');
const { paymentsLoad } = await import('./payments-load');
const { importLoad } = await import('./import-load');

const BUDGET_BYTES = 150 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log('Lambda bundles (ESM, minified, AWS SDK from the runtime)');
console.log('entry'.padEnd(48), 'size'.padStart(10), 'gzip'.padStart(10), 'init'.padStart(9));
for (const figure of await bundleReport()) {
  const flag = figure.bytes > BUDGET_BYTES ? '  over 150 KB budget' : '';
  console.log(
    figure.entry.padEnd(48),
    kb(figure.bytes).padStart(10),
    kb(figure.gzipBytes).padStart(10),
    `${figure.initMs.toFixed(0)} ms`.padStart(9),
    flag,
  );
}

const operations = Number(process.env.BENCH_OPERATIONS ?? 400);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const load = await apiLoad(operations, concurrency);
console.log(`\nLocal API: ${load.operations} × (create + get debtor) at concurrency ${load.concurrency}`);
console.log(`  ${load.perSecond} requests/s over ${load.seconds} s`);
console.log(`  create p50 ${load.createMs.p50} ms, p95 ${load.createMs.p95} ms, p99 ${load.createMs.p99} ms`);
console.log(`  get    p50 ${load.getMs.p50} ms, p95 ${load.getMs.p95} ms, p99 ${load.getMs.p99} ms`);

for (const payments of [await paymentsLoad(), await paymentsLoad(100, 1)]) {
  console.log(
    `\nPayments: ${payments.payments} over ${payments.debtors} debtor${payments.debtors === 1 ? '' : 's'} at concurrency ${payments.concurrency}: ${payments.perSecond} payments/s`,
  );
  console.log(`  DynamoDB calls per payment: ${JSON.stringify(payments.callsPerPayment)}`);
  console.log(
    `  transactional writes per payment: ${payments.paymentTransactionsPerPayment} recording it (target 1; above 1 = attempts lost to a concurrent payment of the same debtor), ${payments.otherTransactionsPerPayment} reviewing the case it woke`,
  );
}

const { gateThroughput, simulatorRun } = await import('./compliance');
const gate = gateThroughput();
console.log(
  `\nCompliance gate in process: ${gate.perSecond.toLocaleString('en-US')} decisions/s over ${gate.decisions.toLocaleString('en-US')} (goal ≥ 100,000/s); ${(gate.allowedShare * 100).toFixed(0)}% allowed`,
);
const simulation = simulatorRun(Number(process.env.BENCH_SIMULATED_DEBTORS ?? 10_000), 120);
console.log(
  `Policy simulator: ${simulation.debtors.toLocaleString('en-US')} debtors × ${simulation.days} days of the built-in cadence in ${simulation.seconds} s: ` +
    `${simulation.contacts.toLocaleString('en-US')} planned contacts, ${simulation.sent.toLocaleString('en-US')} sent, ${simulation.breaches} breaches, heap +${simulation.heapGrowthMb} MB`,
);

const { workflowLoad, PRICES } = await import('./workflow-load');
const workflow = await workflowLoad(Number(process.env.BENCH_WORKFLOW_DEBTORS ?? 1000), 120);
console.log(
  `\nCollection workflow: ${workflow.debtors} debtors × ${workflow.days} days of a 6-step policy in ${workflow.seconds} s ` +
    `(${workflow.cases} cases, ${workflow.succeeded} ended, ${workflow.messages} messages)`,
);
console.log(
  `  per case: ${workflow.perCase.transitions} state transitions over ${workflow.reviewsPerCase} reviews (${workflow.transitionsPerTouch} per touch, target ≤ 2), ` +
    `${workflow.perCase.lambdaInvocations} Lambda invocations, ${workflow.perCase.dynamoDbRequests} DynamoDB requests`,
);
console.log(
  `  AWS cost per 1,000 debtors per month: $${workflow.costPerThousandDebtorsPerMonthUsd} (Step Functions, Lambda, DynamoDB, SQS at ${PRICES.asOf} us-east-1 prices)`,
);

const { rollupBench } = await import('./rollups');
const sizes = (process.env.BENCH_ROLLUP_INVOICES ?? '10000,100000').split(',').map(Number);
console.log('\nMetric rollups (3 years of history, one currency): from day aggregates vs from every record');
console.log(
  'invoices'.padStart(9),
  'agg. items'.padStart(11),
  'nightly rollup'.padStart(20),
  'quarter, aggregates'.padStart(30),
  'quarter, ledger'.padStart(44),
);
const cell = (figure: { ms: number; requests: number; readUnits?: number; readingMs?: number }) =>
  `${figure.ms} ms${figure.readingMs === undefined ? '' : ` (${figure.readingMs} reading)`} / ${figure.requests} req${figure.readUnits === undefined ? '' : ` / ${figure.readUnits} RRU`}`;
for (const figure of await rollupBench(sizes)) {
  console.log(
    figure.invoices.toLocaleString('en-US').padStart(9),
    figure.aggregateItems.toLocaleString('en-US').padStart(11),
    cell(figure.nightlyRollup).padStart(20),
    cell(figure.quarterFromAggregates).padStart(30),
    cell(figure.quarterFromLedger).padStart(44),
  );
}
console.log(
  '  the aggregate paths grow with the days of history (≤ 8 shard items a day), the ledger path with the records; both give the same figures (RRU: read request units, $0.125 per million on demand)',
);

const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
console.log(
  `\nCSV import through the local API (${importRows.toLocaleString('en-US')} invoices, 1 % bad rows; 10,000 debtors first)`,
);
const importFigures = await importLoad(importRows);
for (const figure of importFigures) {
  console.log(
    `  ${figure.kind.padEnd(8)} ${figure.rows.toLocaleString('en-US').padStart(8)} rows (${figure.megabytes} MB): validation ${figure.validationRowsPerSecond} rows/s, apply ${figure.applyRowsPerSecond} rows/s, overall ${figure.overallRowsPerSecond} rows/s; ${figure.created} created, ${figure.invalid} reported${figure.kind === 'invoices' ? (figure.badRowsReportedExactly ? ' (each bad row, exactly)' : ' (NOT the bad rows exactly)') : ''}`,
  );
  console.log(
    `           heap ${figure.heapMb.start} → peak ${figure.heapMb.peak} → ${figure.heapMb.end} MB; DynamoDB calls ${JSON.stringify(figure.dynamoDbCalls)}`,
  );
}
const { writeCeiling } = await import('./write-ceiling');
const ceiling = await writeCeiling(Math.min(importRows, 30_000));
const invoiceApply = importFigures.find((figure) => figure.kind === 'invoices')?.applyRowsPerSecond ?? 0;
console.log(
  `  the store's ceiling for these rows: ${ceiling.invoicesPerSecond} invoices/s (${ceiling.itemsPerInvoice} items each, ${ceiling.itemsPerSecond} items/s by BatchWriteItem with nothing else running); apply reaches ${Math.round((invoiceApply / ceiling.invoicesPerSecond) * 100)} % of it`,
);
