// One interface for every policy engine (the built-in Rego engine, OPA wasm bundles):
// check, audit and the Action never know which one runs.
import type { RawFinding, Severity } from './finding.ts';
import type { Problem, Result } from '../problems/problem.ts';

/** A rule of the catalogue, built from policy metadata. */
export interface RuleInfo {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  remediation: string;
  /** Free text: which guidance the rule encodes. */
  guidance?: string;
  /** Where the rule is defined (`policies/data/regulated.rego:12`). */
  source?: string;
}

export interface EngineFindings {
  /** Findings per rule set: deny -> error, warn -> warning, info -> info (unless overridden). */
  findings: (RawFinding & { ruleSet: 'deny' | 'warn' | 'info' })[];
}

export interface Engine {
  readonly name: string;
  /** The settings the rules read (policies/data.yaml merged with --data files), when known. */
  readonly data?: unknown;
  /** The rules this engine can report, from metadata. */
  rules(): RuleInfo[];
  /** Evaluates every finding-producing rule on one policy input (plain JSON data). */
  evaluate(input: unknown): Result<EngineFindings>;
}

export type EngineProblem = Problem;
