/**
 * The local runtime's controllable clock: real time plus an offset that only moves forward.
 * The offset is persisted so that a restart keeps the simulated date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Clock } from '../../shared/ports/clock';

export type ClockListener = (from: Date, to: Date) => Promise<void>;

/** Something waiting for an instant (workflow waits): fired when the clock reaches it. */
export interface TimerSource {
  /** The earliest instant something waits for, if anything does. */
  nextDue(): number | undefined;
  /** Runs what is due at `now` and returns once it has settled. */
  fire(now: Date): Promise<void>;
  /** Refreshes what `nextDue` answers from stored state, before the clock moves. */
  prepare?(): Promise<void>;
}

export class LocalClock implements Clock {
  private offsetMs = 0;
  private readonly listeners: ClockListener[] = [];
  private readonly timers: TimerSource[] = [];
  private settle: (() => Promise<void>) | undefined;

  constructor(
    private readonly stateFile?: string,
    private readonly realNow: () => number = () => Date.now(),
  ) {
    if (stateFile && existsSync(stateFile)) {
      const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { offsetMs?: number };
      this.offsetMs = Number(saved.offsetMs ?? 0);
    }
  }

  /** While waits fire, the clock stands still at their instant: what they record is exact. */
  private frozenAt: number | undefined;

  now(): Date {
    return new Date(this.frozenAt ?? this.realNow() + this.offsetMs);
  }

  /** Runs on every move, with the instants before and after: schedules and workflow waits. */
  onAdvance(listener: ClockListener): void {
    this.listeners.push(listener);
  }

  addTimerSource(source: TimerSource): void {
    this.timers.push(source);
  }

  /**
   * What a timer sets off in the background (a provider's delivery report, the case it wakes)
   * settles before the clock moves on, at the instant the timer fired.
   */
  settleWith(settle: () => Promise<void>): void {
    this.settle = settle;
  }

  /**
   * Moves the clock to `target` (never backwards). Every wait that falls due on the way runs with
   * the clock standing at its instant, earliest first, so a reminder due at 10:00 is sent at
   * 10:00; then the listeners run.
   */
  async moveTo(target: Date): Promise<Date> {
    const from = this.now();
    if (target.getTime() < from.getTime()) {
      throw new RangeError(`The clock only moves forward: it is already ${from.toISOString()}`);
    }
    for (const source of this.timers) await source.prepare?.();
    for (;;) {
      const due = this.timers
        .map((source) => ({ source, at: source.nextDue() }))
        .filter(
          (entry): entry is { source: TimerSource; at: number } =>
            entry.at !== undefined && entry.at <= target.getTime(),
        )
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      // Frozen at exactly the instant set: real time passing meanwhile must not shift it.
      const at = Math.max(due.at, this.now().getTime());
      this.setNow(at);
      this.frozenAt = at;
      try {
        await due.source.fire(this.now());
        await this.settle?.();
      } finally {
        this.frozenAt = undefined;
      }
    }
    this.setNow(Math.max(target.getTime(), this.now().getTime()));
    for (const listener of this.listeners) await listener(from, target);
    return this.now();
  }

  private setNow(instant: number): void {
    this.offsetMs += instant - this.now().getTime();
    if (this.stateFile) writeFileSync(this.stateFile, JSON.stringify({ offsetMs: this.offsetMs }));
  }
}
