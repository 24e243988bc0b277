// "Today" for a run: a given date makes results reproducible; otherwise the clock's UTC date.
import { UsageError } from './usage-error.ts';

/** The day as YYYY-MM-DD, or undefined when `now` is not a real date. */
export function dayOf(now: string | undefined, clock: Date = new Date()): string | undefined {
  if (now === undefined) return clock.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(now);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  return d && d.toISOString().slice(0, 10) === now ? now : undefined;
}

/** For commands with only `--now` to check (eval, test). */
export function resolveToday(now: string | undefined, clock: Date = new Date()): string {
  const day = dayOf(now, clock);
  if (day === undefined) throw new UsageError(`--now ${now} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27`);
  return day;
}
