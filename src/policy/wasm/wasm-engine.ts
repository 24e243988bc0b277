// The second policy engine: an OPA wasm bundle behind the Engine interface. Entrypoints named
// `.../deny`, `.../warn` and `.../info` produce findings, read exactly as the Rego engine reads them.
import type { Engine, EngineFindings, RuleInfo } from '../engine.ts';
import type { Severity } from '../finding.ts';
import type { Problem, Result } from '../../problems/problem.ts';
import { builtinRegistry, type BuiltinDef } from '../../rego/index.ts';
import { mergeData } from '../merge-data.ts';
import { readFinding } from '../read-finding.ts';
import { ruleSetOf } from '../rule-sets.ts';
import type { Bundle, BundleManifest } from './bundle-reader.ts';
import { loadWasmPolicy, type WasmPolicy } from './wasm-policy.ts';
import { startWasmThread } from './wasm-thread.ts';

const RULE_SETS = ['deny', 'warn', 'info'] as const;
type RuleSet = (typeof RULE_SETS)[number];
const SET_SEVERITY: Record<RuleSet, Severity> = { deny: 'error', warn: 'warning', info: 'info' };

export interface WasmEngineOptions {
  /** The bundle file, for messages. */
  name: string;
  /** routewise's settings (policies/data.yaml and --data files), laid over the bundle's data. */
  data: unknown;
  registry?: ReadonlyMap<string, BuiltinDef>;
  print?: (line: string) => void;
  /**
   * Evaluate on a worker thread, ended at `timeoutMs` (a module that loops cannot be stopped any
   * other way); the built-in registry only. In process otherwise (tests of the ABI).
   */
  thread?: boolean;
  /** Each evaluation's time limit on a thread; 10 s, as the Rego engine's. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

interface Target {
  entrypoint: string;
  set: RuleSet;
  /** How findings name their producer, as the Rego engine does: `data.routewise.rules.deny`. */
  ref: string;
  /** What a finding without its own id is called: `routewise.rules.deny`. */
  ruleId: string;
}

export async function createWasmEngine(bundle: Bundle, options: WasmEngineOptions): Promise<Result<Engine>> {
  const data = mergeData(bundle.data, options.data ?? {});
  const loaded = options.thread ? await onThread(bundle, data, options) : await inProcess(bundle, data, options);
  if (!loaded.ok) return loaded;
  const policy = loaded.value;
  const targets = findingTargets(policy);
  if (targets.length === 0) {
    const names = Object.keys(policy.entrypoints);
    return {
      ok: false,
      problems: [
        {
          code: 'wasm-no-entrypoints',
          message: `${options.name}: no entrypoint ends in /deny, /warn or /info (it has ${names.length > 0 ? names.join(', ') : 'none'})`,
          hint: 'build with `opa build -t wasm -e routewise/rules/deny -e routewise/rules/warn ...`',
        },
      ],
    };
  }

  const declared = catalogue(bundle.manifest, options.name);
  // Without annotations in the bundle, the catalogue is each finding entrypoint by its name (as
  // the Rego engine names a rule without METADATA), then what the policy has reported so far.
  const seen = new Map<string, RuleInfo>(
    targets.map((t) => [t.ruleId, { id: t.ruleId, title: t.ruleId, description: '', severity: SET_SEVERITY[t.set], remediation: '', source: `${options.name}#${t.entrypoint}` }]),
  );

  return {
    ok: true,
    value: {
      name: 'wasm',
      data: options.data,
      rules: () => (declared.length > 0 ? declared : [...seen.values()].sort(byId)),
      evaluate(input: unknown): Result<EngineFindings> {
        const findings: EngineFindings['findings'] = [];
        const problems: Problem[] = [];
        for (const t of targets) {
          const out = policy.evaluate(t.entrypoint, input);
          if (!out.ok) return out;
          if (out.value === undefined) continue;
          if (!Array.isArray(out.value)) {
            problems.push({
              code: 'policy-output',
              message: `${t.ref} must be a set of findings, but it is ${out.value === null ? 'null' : typeof out.value}`,
              hint: `define it as \`${t.set} contains finding if { ... }\``,
            });
            continue;
          }
          for (const m of out.value) {
            const f = readFinding(m, t.ref, undefined, t.ruleId);
            if (!f.ok) {
              problems.push(...f.problems);
              continue;
            }
            findings.push({ ...f.value, ruleSet: t.set });
            if (!seen.has(f.value.id)) {
              seen.set(f.value.id, { id: f.value.id, title: f.value.id, description: '', severity: SET_SEVERITY[t.set], remediation: '', source: `${options.name}#${t.entrypoint}` });
            }
          }
        }
        if (problems.length > 0) return { ok: false, problems };
        return { ok: true, value: { findings } };
      },
    },
  };
}

type Evaluator = Pick<WasmPolicy, 'entrypoints' | 'evaluate'>;

async function inProcess(bundle: Bundle, data: unknown, options: WasmEngineOptions): Promise<Result<Evaluator>> {
  const loaded = await loadWasmPolicy(bundle.wasm, {
    name: options.name,
    registry: options.registry ?? builtinRegistry,
    ...(options.print ? { print: options.print } : {}),
  });
  if (!loaded.ok) return loaded;
  const set = loaded.value.setData(data);
  return set.ok ? loaded : set;
}

/** Loaded and evaluated on a thread ended at the time limit: the module's code never runs here. */
function onThread(bundle: Bundle, data: unknown, options: WasmEngineOptions): Promise<Result<Evaluator>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return startWasmThread({
    name: options.name,
    wasm: bundle.wasm,
    data,
    timeoutMs,
    loadTimeoutMs: Math.max(timeoutMs, DEFAULT_TIMEOUT_MS),
    ...(options.print ? { print: options.print } : {}),
  });
}

function findingTargets(policy: Evaluator): Target[] {
  const targets: Target[] = [];
  for (const entrypoint of Object.keys(policy.entrypoints).sort()) {
    const last = entrypoint.split('/').pop() as string;
    const set = ruleSetOf(last);
    if (set) targets.push({ entrypoint, set, ref: refText(entrypoint), ruleId: entrypoint.split('/').filter((p) => p !== '').join('.') });
  }
  return targets;
}

/** `routewise/rules/deny` -> `data.routewise.rules.deny` (quoted where a segment is no identifier). */
function refText(entrypoint: string): string {
  return 'data' + entrypoint.split('/').filter((p) => p !== '').map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

/**
 * The rule catalogue from the bundle's .manifest: the Rego METADATA annotations that `opa build`
 * records per wasm entrypoint, and any listed under `metadata.annotations`. A rule is an
 * annotation whose `custom.id` is set, as in the built-in engine.
 */
function catalogue(manifest: BundleManifest | undefined, name: string): RuleInfo[] {
  if (!manifest) return [];
  const rules = new Map<string, RuleInfo>();
  const sources: { annotations: unknown[]; set?: RuleSet; where: string }[] = manifest.wasm.map((w) => {
    const set = RULE_SETS.find((s) => w.entrypoint.endsWith(`/${s}`));
    return { annotations: w.annotations ?? [], ...(set ? { set } : {}), where: `${name}#${w.entrypoint}` };
  });
  const extra = manifest.metadata?.annotations;
  if (Array.isArray(extra)) sources.push({ annotations: extra, where: `${name}#.manifest` });
  for (const source of sources) {
    for (const a of source.annotations) {
      const rule = readAnnotation(a, source.set, source.where);
      if (rule && !rules.has(rule.id)) rules.set(rule.id, rule);
    }
  }
  return [...rules.values()].sort(byId);
}

function readAnnotation(a: unknown, set: RuleSet | undefined, where: string): RuleInfo | undefined {
  if (!isRecord(a)) return undefined;
  const custom = isRecord(a.custom) ? a.custom : {};
  if (typeof custom.id !== 'string' || custom.id === '') return undefined;
  const severity = isSeverity(custom.severity) ? custom.severity : set ? SET_SEVERITY[set] : 'error';
  const location = isRecord(a.location) ? a.location : undefined;
  const source = location && typeof location.file === 'string' ? `${location.file}${typeof location.row === 'number' ? `:${location.row}` : ''}` : where;
  return {
    id: custom.id,
    title: typeof a.title === 'string' ? a.title : custom.id,
    description: typeof a.description === 'string' ? a.description : '',
    severity,
    remediation: typeof custom.remediation === 'string' ? custom.remediation : '',
    ...(typeof custom.guidance === 'string' || typeof custom.guidance === 'number' ? { guidance: String(custom.guidance) } : {}),
    source,
  };
}

function byId(x: RuleInfo, y: RuleInfo): number {
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

function isSeverity(x: unknown): x is Severity {
  return x === 'error' || x === 'warning' || x === 'info';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
