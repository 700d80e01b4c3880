/**
 * The collection workflow at scale on the local runtime: N debtors through 120 days of a 6-step
 * policy (some pay along the way), the clock advanced a day at a time. Prints what a case costs —
 * state transitions, Lambda invocations, DynamoDB requests — and the AWS bill per 1,000 debtors
 * per month computed from those counts with the prices below.
 */
import { startLocalRuntime } from '../local/runtime';

/** us-east-1 list prices as of 2026-11 (on-demand, arm64). Check before relying on the figure. */
export const PRICES = {
  asOf: '2026-11',
  stepFunctionsPerTransition: 0.025 / 1000,
  lambdaPerRequest: 0.2 / 1_000_000,
  lambdaPerGbSecond: 0.0000133334,
  /** Assumed billed duration and memory of a workflow task invocation. */
  lambdaSeconds: 0.15,
  lambdaGb: 0.5,
  dynamoDbPerWriteUnit: 0.625 / 1_000_000,
  dynamoDbPerReadUnit: 0.125 / 1_000_000,
  /** A transaction costs two units per item; the workflow's carry about four items. */
  writeUnitsPerTransaction: 8,
  sqsPerRequest: 0.4 / 1_000_000,
};

const DAY_MS = 86_400_000;
const READS = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand', 'GetItemCommand']);
const WRITES = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'PutItemCommand',
  'UpdateItemCommand',
]);

export async function workflowLoad(debtors = 1000, days = 120) {
  const calls = new Map<string, number>();
  let counting = false;
  const runtime = await startLocalRuntime({
    onDynamoDbCall: (command) => {
      if (counting) calls.set(command, (calls.get(command) ?? 0) + 1);
    },
  });
  try {
    const start = new Date('2028-01-03T00:00:00Z');
    await runtime.clock.moveTo(start);
    const { token } = await runtime.issuer.issue({ tenantId: 'bench-workflow', roles: ['admin'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${runtime.url}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { id: string };
      if (response.status !== 201)
        throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
      return json;
    };
    await post('/v1/policies', {
      name: 'Six steps',
      steps: [
        { offsetDays: -5, action: 'email' },
        { offsetDays: 0, action: 'email' },
        { offsetDays: 5, action: 'sms' },
        { offsetDays: 10, action: 'call_task' },
        { offsetDays: 20, action: 'final_notice' },
        { offsetDays: 35, action: 'handoff' },
      ],
    });
    counting = true;
    const payers: { debtorId: string; day: number }[] = [];
    for (let index = 0; index < debtors; index += 1) {
      const debtor = await post('/v1/debtors', {
        name: `Debtor ${index}`,
        kind: 'business',
        email: `ap${index}@example.com`,
        phone: '+4930123456',
        postalAddress: { lines: ['Hauptstr. 1'], locality: 'Berlin', postalCode: '10115', country: 'DE' },
        timezone: 'Europe/Berlin',
        jurisdiction: 'DE',
      });
      const dueDay = 10 + (index % 60);
      await post('/v1/invoices', {
        debtorId: debtor.id,
        number: `W-${index}`,
        currency: 'EUR',
        amount: 100_000,
        issueDate: '2027-12-01',
        dueDate: new Date(start.getTime() + dueDay * DAY_MS).toISOString().slice(0, 10),
      });
      // Three in ten pay in full a few days after the due date.
      if (index % 10 < 3) payers.push({ debtorId: debtor.id, day: dueDay + 3 + (index % 7) });
    }
    const started = performance.now();
    for (let day = 1; day <= days; day += 1) {
      await runtime.clock.moveTo(new Date(start.getTime() + day * DAY_MS));
      for (const payer of payers.filter((candidate) => candidate.day === day)) {
        await post('/v1/payments', {
          debtorId: payer.debtorId,
          currency: 'EUR',
          amount: 100_000,
          receivedAt: runtime.clock.now().toISOString(),
        });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const executions = runtime.workflows.list();
    const transitions = executions.reduce((sum, execution) => sum + execution.transitions, 0);
    const invocations = executions.reduce((sum, execution) => sum + execution.lambdaInvocations, 0);
    // A touch: each time the workflow wakes and reviews the case.
    const reviews = executions.reduce(
      (sum, execution) =>
        sum +
        execution.events.filter((event) => event.type === 'StateEntered' && event.state === 'ReviewCase')
          .length,
      0,
    );
    const total = (names: Set<string>) =>
      [...calls].filter(([name]) => names.has(name)).reduce((sum, [, n]) => sum + n, 0);
    const reads = total(READS);
    const writes = total(WRITES);
    const transactions = calls.get('TransactWriteItemsCommand') ?? 0;
    const messages = runtime.outbox.list({ tenantId: 'bench-workflow' }).length;
    const cost =
      transitions * PRICES.stepFunctionsPerTransition +
      invocations *
        (PRICES.lambdaPerRequest + PRICES.lambdaSeconds * PRICES.lambdaGb * PRICES.lambdaPerGbSecond) +
      reads * PRICES.dynamoDbPerReadUnit +
      (writes + transactions * PRICES.writeUnitsPerTransaction) * PRICES.dynamoDbPerWriteUnit +
      messages * 3 * PRICES.sqsPerRequest;
    const months = days / 30;
    return {
      debtors,
      days,
      seconds: Number(seconds.toFixed(1)),
      cases: executions.length,
      succeeded: executions.filter((execution) => execution.status === 'SUCCEEDED').length,
      messages,
      perCase: {
        transitions: Number((transitions / executions.length).toFixed(1)),
        lambdaInvocations: Number((invocations / executions.length).toFixed(1)),
        dynamoDbRequests: Number(((reads + writes + transactions) / executions.length).toFixed(1)),
      },
      reviewsPerCase: Number((reviews / executions.length).toFixed(1)),
      // The end state is entered once per case, not per touch.
      transitionsPerTouch: Number(
        (
          (transitions - executions.filter((execution) => execution.status !== 'RUNNING').length) /
          Math.max(1, reviews)
        ).toFixed(2),
      ),
      costPerThousandDebtorsPerMonthUsd: Number((((cost / debtors) * 1000) / months).toFixed(2)),
      pricesAsOf: PRICES.asOf,
    };
  } finally {
    await runtime.stop();
  }
}
