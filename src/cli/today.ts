// "Today" for a run: --now DATE makes results reproducible; otherwise the clock's UTC date.
import { UsageError } from './context.ts';

export function resolveToday(now: string | undefined, clock: Date = new Date()): string {
  if (now === undefined) return clock.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(now);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== now) throw new UsageError(`--now ${now} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27`);
  return now;
}
