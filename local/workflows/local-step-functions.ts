/**
 * Step Functions on one machine: the collection workflow's definition as CDK synthesizes it, run
 * by the aws-local-stepfunctions interpreter with each Lambda task bound to the handler the
 * deployed function runs. The interpreter has no task tokens, so the callback task is implemented
 * here faithfully: a token is issued, the task's handler parks it, and the task ends on
 * `wake`/`end` (SendTaskSuccess/SendTaskFailure) or, as its timeout, when the local clock reaches
 * the deadline — the clock drives every wait, in time order.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Context } from 'aws-lambda';
import type { CaseEnd, CaseRef, WorkflowEngine } from '../../shared/ports/workflow-engine';
import { WORKFLOW_TASKS, type WorkflowTaskState } from '../../shared/workflow/collection-workflow-tasks';
import type { LocalClock, TimerSource } from '../clock/local-clock';
import { lambdaContext } from '../server/api-gateway-event';
import './promise-with-resolvers';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type TaskHandler = (event: unknown, context: Context) => Promise<unknown>;

/** Lets a test make a task fail (a transient fault, a bug) without touching the handler. */
export type TaskInterceptor = (
  state: WorkflowTaskState,
  payload: unknown,
  next: () => Promise<unknown>,
) => Promise<unknown>;

export interface LocalExecution {
  name: string;
  ref: CaseRef;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  currentState?: string;
  /** States entered: what Step Functions bills as state transitions. */
  transitions: number;
  lambdaInvocations: number;
  startedAt: string;
  stoppedAt?: string;
  error?: string;
  events: { at: string; type: string; state?: string }[];
}

interface Parked {
  execution: LocalExecution;
  deadline: number;
  resolve: (output: JsonValue) => void;
  reject: (error: Error) => void;
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const MAX_EVENTS = 500;

export class LocalStepFunctions implements WorkflowEngine, TimerSource {
  private readonly executions = new Map<string, LocalExecution>();
  private readonly parked = new Map<string, Parked>();
  private readonly handlers = new Map<WorkflowTaskState, Promise<TaskHandler>>();
  private readonly aborts = new Map<string, () => void>();
  private busy = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  interceptor?: TaskInterceptor;

  constructor(
    private readonly definition: Record<string, unknown>,
    private readonly clock: LocalClock,
    private readonly projectRoot: string,
    private readonly stateFile?: string,
  ) {
    clock.addTimerSource(this);
  }

  /** Restarts the executions that were running when the runtime stopped (ReviewCase re-reads all). */
  async resume(): Promise<void> {
    if (!this.stateFile || !existsSync(this.stateFile)) return;
    const running = JSON.parse(readFileSync(this.stateFile, 'utf8')) as { name: string; ref: CaseRef }[];
    for (const { name, ref } of running) await this.start(name, ref);
    await this.settled();
  }

  list(filter: { debtorId?: string } = {}): LocalExecution[] {
    return [...this.executions.values()].filter(
      (execution) => filter.debtorId === undefined || execution.ref.debtorId === filter.debtorId,
    );
  }

  async start(executionName: string, ref: CaseRef): Promise<void> {
    const existing = this.executions.get(executionName);
    if (existing && existing.status === 'RUNNING') return;
    if (existing) return; // a finished execution's name is not reused, as in AWS
    const { StateMachine } = await import('aws-local-stepfunctions');
    const machine = new StateMachine(this.definition as never, { validationOptions: { checkArn: false } });
    const execution: LocalExecution = {
      name: executionName,
      ref,
      status: 'RUNNING',
      transitions: 0,
      lambdaInvocations: 0,
      startedAt: this.clock.now().toISOString(),
      events: [],
    };
    this.executions.set(executionName, execution);
    this.persist();
    this.enter();
    const run = machine.run(
      { Payload: { caseRef: { ...ref } }, wake: { reason: 'opened' } } as JsonValue as never,
      {
        overrides: {
          taskResourceLocalHandlers: {
            ReviewCase: (input: JsonValue) => this.invoke(execution, 'ReviewCase', input),
            RaiseCaseAlarm: (input: JsonValue) => this.invoke(execution, 'RaiseCaseAlarm', input),
            WaitForNextStep: (input: JsonValue) => this.park(execution, input),
          } as never,
          // Backoff between retries is Step Functions' business; locally a retry follows at once.
          retryIntervalOverrides: { ReviewCase: 0, WaitForNextStep: 0, RaiseCaseAlarm: 0 },
        },
        // `$$.Task.Token` must resolve for the callback task's parameters; the real token is issued in park().
        context: { Task: { Token: 'issued-by-the-local-runtime' } },
        noThrowOnAbort: true,
      },
    );
    this.aborts.set(executionName, run.abort);
    void this.follow(execution, run.eventLogs);
    run.result.then(
      () => this.finish(execution, 'SUCCEEDED'),
      (error: Error) => this.finish(execution, 'FAILED', error),
    );
  }

  async wake(token: string, reason: string): Promise<void> {
    const parked = this.parked.get(token);
    if (!parked) return; // no longer waiting: stale, as SendTaskSuccess on a timed-out token
    this.parked.delete(token);
    this.enter();
    parked.resolve({ reason });
  }

  async end(token: string, how: CaseEnd, detail: string): Promise<void> {
    const parked = this.parked.get(token);
    if (!parked) return;
    this.parked.delete(token);
    this.enter();
    parked.reject(namedError(how, detail));
  }

  nextDue(): number | undefined {
    let earliest: number | undefined;
    for (const parked of this.parked.values()) {
      if (earliest === undefined || parked.deadline < earliest) earliest = parked.deadline;
    }
    return earliest;
  }

  async fire(now: Date): Promise<void> {
    for (const [token, parked] of [...this.parked.entries()]) {
      if (parked.deadline > now.getTime()) continue;
      this.parked.delete(token);
      this.enter();
      parked.reject(namedError('States.Timeout', 'The callback task timed out'));
    }
    await this.settled();
  }

  /** Resolves once every execution is parked or finished: nothing is mid-flight. */
  settled(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((done) => this.idleWaiters.push(done));
  }

  /**
   * Stops the interpreter without ending any case: running executions stay listed in the state
   * file and start again (at ReviewCase, which re-reads everything) with the next runtime.
   */
  stop(): void {
    this.stopped = true;
    for (const abort of this.aborts.values()) abort();
    // Settle every parked task so the interpreter's own timers are cleared; nothing runs after it.
    for (const parked of this.parked.values())
      parked.reject(namedError('States.Runtime', 'The local runtime stopped'));
    this.parked.clear();
  }

  private handler(state: WorkflowTaskState): Promise<TaskHandler> {
    let handler = this.handlers.get(state);
    if (!handler) {
      handler = import(join(this.projectRoot, WORKFLOW_TASKS[state])).then(
        (module: { handler: TaskHandler }) => module.handler,
      );
      this.handlers.set(state, handler);
    }
    return handler;
  }

  /** The optimised `lambda:invoke` integration: Payload in, `{Payload, StatusCode}` out. */
  private async invoke(
    execution: LocalExecution,
    state: WorkflowTaskState,
    input: JsonValue,
  ): Promise<JsonValue> {
    if (this.stopped) throw namedError('States.Runtime', 'The local runtime stopped');
    const payload = (input as { Payload?: JsonValue }).Payload ?? input;
    const handler = await this.handler(state);
    execution.lambdaInvocations += 1;
    const call = () => handler(payload, lambdaContext(`recoup-local-${state}`));
    const result = await (this.interceptor ? this.interceptor(state, payload, call) : call());
    return { Payload: (result ?? null) as JsonValue, StatusCode: 200, ExecutedVersion: '$LATEST' };
  }

  /** The `.waitForTaskToken` integration: issue a token, invoke the handler, wait for the callback. */
  private park(execution: LocalExecution, input: JsonValue): Promise<JsonValue> {
    const token = randomUUID();
    const payload: Record<string, JsonValue> = {
      ...((input as { Payload?: Record<string, JsonValue> }).Payload ?? {}),
      token,
    };
    // The timeout of AWS: whole seconds from the task's start, which ReviewCase rounds up so the
    // wake is never early. Locally the clock can stop at the exact instant the review asked for.
    const waitSeconds = Number(payload.waitSeconds ?? 60);
    const started = this.clock.now().getTime();
    const asked = typeof payload.nextActionAt === 'string' ? Date.parse(payload.nextActionAt) : Number.NaN;
    const timeout = started + waitSeconds * 1000;
    const deadline = Number.isNaN(asked) ? timeout : Math.min(timeout, Math.max(asked, started));
    const callback = new Promise<JsonValue>((resolve, reject) => {
      this.parked.set(token, { execution, deadline, resolve, reject });
    });
    void (async () => {
      try {
        const handler = await this.handler('WaitForNextStep');
        execution.lambdaInvocations += 1;
        const call = () => handler(payload, lambdaContext('recoup-local-WaitForNextStep'));
        await (this.interceptor ? this.interceptor('WaitForNextStep', payload, call) : call());
      } catch (error) {
        // The invocation failed: the task fails with its error, as in AWS.
        const parked = this.parked.get(token);
        if (parked) {
          this.parked.delete(token);
          this.enter();
          parked.reject(error as Error);
        }
      } finally {
        this.leave();
      }
    })();
    return callback;
  }

  private async follow(
    execution: LocalExecution,
    events: AsyncGenerator<{ type: string; state?: { name: string } }>,
  ) {
    for await (const event of events) {
      if (event.type === 'StateEntered') {
        execution.transitions += 1;
        execution.currentState = event.state?.name;
      }
      if (['StateEntered', 'StateFailed', 'StateRetried', 'StateCaught'].includes(event.type)) {
        execution.events.push({
          at: this.clock.now().toISOString(),
          type: event.type,
          ...(event.state ? { state: event.state.name } : {}),
        });
        if (execution.events.length > MAX_EVENTS) execution.events.shift();
      }
    }
  }

  private finish(execution: LocalExecution, status: 'SUCCEEDED' | 'FAILED', error?: Error) {
    if (execution.status !== 'RUNNING' || this.stopped) return;
    execution.status = status;
    execution.stoppedAt = this.clock.now().toISOString();
    if (error) execution.error = error.message;
    this.aborts.delete(execution.name);
    this.persist();
    this.leave();
  }

  private enter() {
    this.busy += 1;
  }

  private leave() {
    this.busy -= 1;
    if (this.busy === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      // After the current turn: a step that resumes the execution runs first.
      setImmediate(() => {
        if (this.busy === 0) for (const done of waiters) done();
        else this.idleWaiters.push(...waiters);
      });
    }
  }

  private persist() {
    if (!this.stateFile) return;
    const running = [...this.executions.values()]
      .filter((execution) => execution.status === 'RUNNING')
      .map(({ name, ref }) => ({ name, ref }));
    mkdirSync(dirname(this.stateFile), { recursive: true });
    writeFileSync(this.stateFile, JSON.stringify(running));
  }
}
