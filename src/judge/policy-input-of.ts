// The first stages of judging a manifest, for the judge and for `routewise eval --manifest`:
// bytes -> document with positions -> validated manifest -> the policy input rules are written against.
import type { LoadedDocument } from '../load/loaded-document.ts';
import { decodeText } from '../load/decode-text.ts';
import { loadDocument } from '../load/load-document.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { validateManifest } from '../validate/validate-manifest.ts';
import { buildPolicyInput } from '../input/build.ts';
import type { PolicyInput } from '../input/policy-input.ts';
import type { Result } from '../problems/problem.ts';
import type { ObservedSources } from '../sources/observed.ts';
import type { CostContext } from '../input/cost-facts.ts';

/** Builds further top-level parts of the policy input from the manifest (a cost model, drift readings). */
export type InputParts = (manifest: Manifest) => Record<string, unknown>;

/** Reads the configuration the manifest is checked against (its `sources`, spec/drift.md). */
export type Observe = (manifest: Manifest, document: LoadedDocument) => Result<ObservedSources>;

export interface InputOptions {
  /** YYYY-MM-DD. */
  today: string;
  knownRuleIds: readonly string[];
  parts?: InputParts;
  /** Without it, nothing is observed (input.observed is empty). */
  observe?: Observe;
  /** Settings and price table for the cost facts; without them input.cost is null. */
  cost?: CostContext;
}

export interface JudgedInput {
  document: LoadedDocument;
  manifest: Manifest;
  /** With any further parts beside the manifest's own (they never replace one). */
  input: PolicyInput;
  /** Texts of the source files the observed facts came from, by file, for code frames. */
  sourceTexts: Record<string, string>;
}

/** On failure the text is kept when it decodes, so a report can show a code frame at the problem. */
export type PolicyInputOf = Result<JudgedInput> & { source?: string };

export function policyInputOf(file: string, bytes: Uint8Array, options: InputOptions): PolicyInputOf {
  const loaded = loadDocument(file, bytes);
  if (!loaded.ok) {
    const text = decodeText(file, bytes);
    return { ok: false, problems: loaded.problems, ...(text.ok ? { source: text.value } : {}) };
  }
  const document = loaded.value;
  const valid = validateManifest(document);
  if (!valid.ok) return { ok: false, problems: valid.problems, source: document.text };
  const manifest = valid.value;
  const observed = options.observe?.(manifest, document) ?? { ok: true, value: { facts: [], texts: {} } };
  if (!observed.ok) return { ok: false, problems: observed.problems, source: document.text };
  const input = buildPolicyInput(manifest, { today: options.today, knownRuleIds: [...options.knownRuleIds],
    observed: observed.value.facts,
    ...(options.cost ? { cost: options.cost } : {}),
  });
  return {
    ok: true,
    value: { document, manifest, input: options.parts ? { ...options.parts(manifest), ...input } : input, sourceTexts: observed.value.texts },
  };
}

/** Whether a parsed input document is a routewise manifest rather than a policy input. */
export function looksLikeManifest(doc: unknown): boolean {
  const o = doc as Record<string, unknown> | null;
  return typeof o === 'object' && o !== null && o.apiVersion === 'routewise/v1' && o.kind === 'LLMDeployment';
}
