/**
 * Where the local runtime's delivery adapters put every message instead of SES, SMS or the
 * print provider; persisted as JSON lines so it survives a restart, served at `GET /dev/outbox`.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface OutboxMessage {
  id: string;
  tenantId: string;
  debtorId?: string;
  channel: 'email' | 'sms' | 'letter' | 'voice';
  to: string;
  template?: string;
  subject?: string;
  body: string;
  /** What the message had to carry (opt-out, validation notice…), from the compliance gate. */
  obligations?: string[];
  /** The provider's id (SES message id, SMS message id, letter object key). */
  providerMessageId?: string;
  /** Letters: the printable PDF, served by the local runtime. */
  document?: string;
  sentAt: string;
}

export class LocalOutbox {
  private readonly messages: OutboxMessage[] = [];

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim()) this.messages.push(JSON.parse(line) as OutboxMessage);
      }
    }
  }

  record(message: OutboxMessage): void {
    this.messages.push(message);
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, `${JSON.stringify(message)}\n`);
    }
  }

  has(id: string): boolean {
    return this.messages.some((message) => message.id === id);
  }

  list(filter: { debtorId?: string; tenantId?: string } = {}): OutboxMessage[] {
    return this.messages.filter(
      (message) =>
        (filter.debtorId === undefined || message.debtorId === filter.debtorId) &&
        (filter.tenantId === undefined || message.tenantId === filter.tenantId),
    );
  }
}
