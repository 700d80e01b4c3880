/**
 * The outbox queue, locally: SQS semantics where they matter — a batch goes to the consumer (the
 * sender Lambda handler), the entries it reports failed become visible again after the visibility
 * timeout, and after `maxReceives` they move to the dead letters. Entries waiting for a retry are
 * kept in a file, so a restart loses none. Driven by the local clock like every other timer.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Clock } from '../../shared/ports/clock';
import type { TimerSource } from '../clock/local-clock';

interface Entry {
  messageId: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  sentAt: number;
}

export interface LocalQueueOptions {
  visibilityTimeoutMs: number;
  maxReceives: number;
  /** Persisted waiting entries and dead letters; in memory when omitted. */
  file?: string;
}

export class LocalQueue implements TimerSource {
  private waiting: Entry[] = [];
  readonly deadLetters: Entry[] = [];
  private consumer: ((event: SQSEvent) => Promise<SQSBatchResponse>) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly options: LocalQueueOptions,
  ) {
    if (options.file && existsSync(options.file)) {
      const saved = JSON.parse(readFileSync(options.file, 'utf8')) as {
        waiting: Entry[];
        deadLetters: Entry[];
      };
      this.waiting = saved.waiting;
      this.deadLetters.push(...saved.deadLetters);
    }
  }

  /** Visibility timeouts a consumer changed for the receipt it holds (ChangeMessageVisibility). */
  private readonly visibilityChanges = new Map<string, number>();

  /** As SQS ChangeMessageVisibility: the receipt's entry, if it fails, comes back after `delayMs`. */
  changeVisibility(receiptHandle: string, delayMs: number): void {
    this.visibilityChanges.set(receiptHandle, this.clock.now().getTime() + delayMs);
  }

  /** Wired once the handler's services exist. */
  consumeWith(consumer: (event: SQSEvent) => Promise<SQSBatchResponse>): void {
    this.consumer = consumer;
  }

  /** Sends and, as the event source mapping would at once, hands the entry to the consumer. */
  async send(body: string): Promise<void> {
    const now = this.clock.now().getTime();
    await this.receive([{ messageId: randomUUID(), body, receiveCount: 0, visibleAt: now, sentAt: now }]);
  }

  nextDue(): number | undefined {
    return this.waiting.length === 0 ? undefined : Math.min(...this.waiting.map((entry) => entry.visibleAt));
  }

  async fire(now: Date): Promise<void> {
    const due = this.waiting.filter((entry) => entry.visibleAt <= now.getTime());
    this.waiting = this.waiting.filter((entry) => entry.visibleAt > now.getTime());
    for (let start = 0; start < due.length; start += 10) await this.receive(due.slice(start, start + 10));
  }

  private async receive(entries: Entry[]): Promise<void> {
    if (!this.consumer) throw new Error('The local outbox queue has no consumer');
    const now = this.clock.now().getTime();
    for (const entry of entries) entry.receiveCount += 1;
    let failed: Set<string>;
    try {
      const response = await this.consumer({ Records: entries.map((entry) => record(entry, now)) });
      failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    } catch {
      failed = new Set(entries.map((entry) => entry.messageId)); // the whole batch comes back
    }
    for (const entry of entries) {
      const handle = receiptHandleOf(entry);
      const changed = this.visibilityChanges.get(handle);
      this.visibilityChanges.delete(handle);
      if (!failed.has(entry.messageId)) continue;
      if (entry.receiveCount >= this.options.maxReceives) this.deadLetters.push(entry);
      else this.waiting.push({ ...entry, visibleAt: changed ?? now + this.options.visibilityTimeoutMs });
    }
    this.save();
  }

  private save(): void {
    if (!this.options.file) return;
    mkdirSync(dirname(this.options.file), { recursive: true });
    writeFileSync(
      this.options.file,
      JSON.stringify({ waiting: this.waiting, deadLetters: this.deadLetters }),
    );
  }
}

function receiptHandleOf(entry: Entry): string {
  return `${entry.messageId}#${entry.receiveCount}`;
}

function record(entry: Entry, now: number): SQSRecord {
  return {
    messageId: entry.messageId,
    receiptHandle: receiptHandleOf(entry),
    body: entry.body,
    attributes: {
      ApproximateReceiveCount: String(entry.receiveCount),
      SentTimestamp: String(entry.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(now),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:outbox',
    awsRegion: 'local',
  };
}
