// The whole judgement of one manifest, pure, the same for check, audit and eval --manifest:
// bytes -> document with positions -> validated manifest -> policy input -> findings (resolved,
// located, waived). Problems at any stage stop that manifest only, and are reported with their place.
import type { Engine, RuleInfo } from '../policy/engine.ts';
import type { Finding } from '../policy/finding.ts';
import { applyWaivers } from '../findings/waivers.ts';
import { resolveFindings } from '../findings/resolve.ts';
import type { Problem } from '../problems/problem.ts';
import { costSettingsFrom } from '../cost/cost-settings.ts';
import type { CostContext } from '../input/cost-facts.ts';
import { PRICE_TABLE } from '../cost/generated/price-table.ts';
import { costSummaryOf, type CostSummary } from './cost-summary.ts';
import { policyInputOf, type InputParts, type JudgedInput, type Observe } from './policy-input-of.ts';

export interface JudgeSettings {
  engine: Engine;
  /** YYYY-MM-DD: expiry of waivers and weeks until launch are judged against it. */
  today: string;
  /** Further parts of the policy input (a cost model, drift readings), beside the manifest's own. */
  inputParts?: InputParts;
  /** Reads the gateway and cluster configuration the manifest is checked against. */
  observe?: Observe;
}

/** What a run reports about one manifest. */
export interface ManifestJudgement {
  /** Relative to the working directory or repository root, with forward slashes. */
  file: string;
  strategy?: string;
  /** Load, schema and policy errors; any makes the manifest `invalid`. Positions use `file`'s form. */
  problems: Problem[];
  findings: Finding[];
  /** Ids of the rules evaluated on this manifest. */
  rulesEvaluated: string[];
  /** The manifest text, for code frames; never serialised. */
  source?: string;
  /** Texts of the other files findings point into (gateway, cluster configs), by file; never serialised. */
  sourceTexts?: Record<string, string>;
  /** The manifest's monthly cost, when the policy input carried the cost facts. */
  cost?: CostSummary;
}

export interface Judgement extends ManifestJudgement {
  /** The policy input the rules saw, when the manifest got that far (audit totals waivers and data flows from it). */
  input?: JudgedInput['input'];
}

/** What judging needs from an engine, the same for every manifest it judges. */
interface EngineFacts {
  rules: RuleInfo[];
  ruleIds: string[];
  known: ReadonlySet<string>;
  /** `ruleIds` sorted: what a manifest whose findings all come from catalogued rules evaluated. */
  sortedIds: readonly string[];
  /** The cost facts need the settings the rules read; an engine that cannot tell them gets none. */
  cost: CostContext | undefined;
}

/** Worked out once per engine: a run judges thousands of manifests with one. */
const ENGINE_FACTS = new WeakMap<Engine, EngineFacts>();

function engineFacts(engine: Engine): EngineFacts {
  let facts = ENGINE_FACTS.get(engine);
  if (!facts) {
    const rules = engine.rules();
    const costSettings = costSettingsFrom(engine.data);
    const ruleIds = rules.map((r) => r.id);
    const known = new Set(ruleIds);
    facts = { rules, ruleIds, known, sortedIds: [...known].sort(), cost: costSettings ? { settings: costSettings, table: PRICE_TABLE } : undefined };
    ENGINE_FACTS.set(engine, facts);
  }
  return facts;
}

export function judgeManifest(file: string, bytes: Uint8Array, settings: JudgeSettings): Judgement {
  const empty = { file, problems: [], findings: [], rulesEvaluated: [] };
  const { rules, ruleIds, known, sortedIds, cost } = engineFacts(settings.engine);
  const built = policyInputOf(file, bytes, {
    ...(cost ? { cost } : {}),
    today: settings.today,
    knownRuleIds: ruleIds,
    ...(settings.inputParts ? { parts: settings.inputParts } : {}),
    ...(settings.observe ? { observe: settings.observe } : {}),
  });
  if (!built.ok) return { ...empty, problems: built.problems, ...(built.source !== undefined ? { source: built.source } : {}) };
  const { document, manifest, sourceTexts } = built.value;
  let input = built.value.input;
  let evaluated = settings.engine.evaluate(input);
  // A rule without METADATA is known by the ids its findings carry: a waiver naming one of them
  // names a rule that ran, so the waiver rule is asked again knowing those ids too.
  if (evaluated.ok) {
    const reported = new Set(evaluated.value.findings.map((f) => f.id));
    const named = (manifest.waivers ?? []).map((w) => w.rule).filter((id) => !known.has(id) && reported.has(id));
    if (named.length > 0) {
      input = { ...input, knownRuleIds: [...input.knownRuleIds, ...new Set(named)] };
      evaluated = settings.engine.evaluate(input);
    }
  }
  const base = { ...empty, strategy: manifest.deployment.strategy, source: document.text, sourceTexts, input, ...(input.cost ? { cost: costSummaryOf(input.cost) } : {}) };
  if (!evaluated.ok) return { ...base, problems: evaluated.problems };
  const located = resolveFindings(evaluated.value.findings, rules, (path) => document.valuePositionOf(path));
  const uncatalogued = evaluated.value.findings.filter((f) => !known.has(f.id)).map((f) => f.id);
  return {
    ...base,
    findings: applyWaivers(located, manifest.waivers ?? [], settings.today),
    rulesEvaluated: uncatalogued.length === 0 ? [...sortedIds] : [...new Set([...ruleIds, ...uncatalogued])].sort(),
  };
}
