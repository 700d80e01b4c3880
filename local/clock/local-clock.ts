/**
 * The local runtime's controllable clock: real time plus an offset that only moves forward.
 * The offset is persisted so that a restart keeps the simulated date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Clock } from '../../shared/ports/clock';

export type ClockListener = (from: Date, to: Date) => Promise<void>;

export class LocalClock implements Clock {
  private offsetMs = 0;
  private readonly listeners: ClockListener[] = [];

  constructor(
    private readonly stateFile?: string,
    private readonly realNow: () => number = () => Date.now(),
  ) {
    if (stateFile && existsSync(stateFile)) {
      const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { offsetMs?: number };
      this.offsetMs = Number(saved.offsetMs ?? 0);
    }
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Runs on every move, with the instants before and after: schedules and workflow waits. */
  onAdvance(listener: ClockListener): void {
    this.listeners.push(listener);
  }

  /** Moves the clock to `target` (never backwards), then runs what fell due, in time order. */
  async moveTo(target: Date): Promise<Date> {
    const from = this.now();
    if (target.getTime() < from.getTime()) {
      throw new RangeError(`The clock only moves forward: it is already ${from.toISOString()}`);
    }
    this.offsetMs += target.getTime() - from.getTime();
    if (this.stateFile) writeFileSync(this.stateFile, JSON.stringify({ offsetMs: this.offsetMs }));
    for (const listener of this.listeners) await listener(from, target);
    return this.now();
  }
}
