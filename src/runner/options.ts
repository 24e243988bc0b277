// The one options model of a run, for `check`, `audit` and the Action: the settings they share,
// checked in one place whether they came as command-line flags or as Action inputs, so the
// three cannot drift. Each shell only says how it names a setting in messages.
import { FAIL_ON_VALUES, parseFailOn, type FailOn } from '../findings/threshold.ts';
import type { EngineFlags } from '../policy/load-engine.ts';
import type { Problem, ProblemCode, Result } from '../problems/problem.ts';
import { dayOf } from './today.ts';

export type Setting = 'fail-on' | 'engine' | 'bundle' | 'now' | 'format';

/** The shared settings as given, before any is checked. */
export interface GivenSettings {
  /** Policy folders added to the built-in rules. */
  policy: string[];
  /** False leaves the built-in rules out. */
  builtin?: boolean;
  /** Organisation settings files merged over policies/data.yaml. */
  data: string[];
  failOn?: string;
  /** Kept for one minor version: `wasm` with bundles is what bundles alone now do. */
  engine?: string;
  /** OPA wasm bundles whose rules run next to the Rego ones. */
  bundle?: string[];
  /** Organisation policies are written in Rego v0. */
  v0Compatible?: boolean;
  /** YYYY-MM-DD; the clock's UTC date when absent. */
  now?: string;
}

export interface RunOptions {
  engine: EngineFlags;
  /** Said once on the side (stderr, a warning annotation): deprecated settings still accepted. */
  notes: string[];
  failOn: FailOn;
  /** YYYY-MM-DD: waivers and dates are judged as of this day. */
  today: string;
}

/** How a shell speaks of its settings: `--fail-on` on the command line, `input fail-on` in the Action. */
export interface SettingWords {
  /** The problem code a wrong setting gets. */
  code: ProblemCode;
  wrong(setting: Setting, value: string, advice: string): string;
  /** The wasm engine without a bundle to run. */
  bundleNeeded: string;
  /** The engine setting is only an alias now; `value` is what was given. */
  engineDeprecated(value: string): string;
}

export function runOptions(given: GivenSettings, words: SettingWords, clock: Date = new Date()): Result<RunOptions> {
  const problems: Problem[] = [];
  const wrong = (setting: Setting, value: string, advice: string) => problems.push({ code: words.code, message: words.wrong(setting, value, advice) });

  const failOnText = given.failOn ?? 'error';
  const failOn = parseFailOn(failOnText);
  if (!failOn) wrong('fail-on', failOnText, `use one of ${FAIL_ON_VALUES.join(', ')}`);

  // A bundle adds its rules whatever the engine says; the engine setting only stays accepted.
  const bundle = given.bundle ?? [];
  const notes: string[] = [];
  const engine = given.engine;
  if (engine !== undefined) {
    if (engine !== 'rego' && engine !== 'wasm') wrong('engine', engine, 'use rego or wasm');
    else if (engine === 'wasm' && bundle.length === 0) problems.push({ code: words.code, message: words.bundleNeeded });
    else notes.push(words.engineDeprecated(engine));
  }

  const today = dayOf(given.now, clock);
  if (today === undefined) wrong('now', given.now ?? '', 'write a date as YYYY-MM-DD, e.g. 2026-11-27');

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      engine: {
        policy: given.policy,
        builtin: given.builtin !== false,
        data: given.data,
        bundle,
        ...(given.v0Compatible ? { v0Compatible: true } : {}),
      },
      notes,
      failOn: failOn!,
      today: today!,
    },
  };
}
