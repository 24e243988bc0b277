// Summary statistics and timing loops for the benchmarks. Machines running benchmarks are often
// shared and noisy, so every figure is a median over several runs, printed with its spread.

/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Summary {
  runs: number;
  median: number;
  min: number;
  p90: number;
}

export function summarize(values: readonly number[]): Summary {
  return { runs: values.length, median: median(values), min: Math.min(...values), p90: percentile(values, 90) };
}

/** Milliseconds with a precision that suits their size: 0.0123 ms, 1.23 ms, 123 ms. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value < 0.1) return `${value.toFixed(4)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(0)} ms`;
}

export function describe(s: Summary): string {
  return `median ${ms(s.median)} (min ${ms(s.min)}, p90 ${ms(s.p90)}, ${s.runs} runs)`;
}

/** `12.3x`, for ratios of two medians. */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`;
}

/** A target line: the figure, the limit and whether the figure meets it. */
export function verdict(label: string, value: number, limit: number, unit: (n: number) => string = ms): string {
  return `${label}: ${unit(value)} (target at most ${unit(limit)}: ${value <= limit ? 'met' : 'NOT met'})`;
}

export interface TimeOptions {
  /** Runs discarded first, so the JIT has compiled the code being measured. */
  warmup?: number;
  runs?: number;
  /** Calls of fn per timed run, for operations too short to time one by one. */
  batch?: number;
}

/** Times fn in-process: one figure per run, in milliseconds per call. */
export function timeSync(fn: () => unknown, options: TimeOptions = {}): Summary {
  const { warmup = 3, runs = 15, batch = 1 } = options;
  for (let i = 0; i < warmup; i++) for (let j = 0; j < batch; j++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for (let j = 0; j < batch; j++) fn();
    times.push((performance.now() - start) / batch);
  }
  return summarize(times);
}
