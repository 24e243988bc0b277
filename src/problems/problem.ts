// A problem found before policies can judge a manifest (unreadable file, invalid YAML,
// schema violation, broken policy): a value with a code, a message and a place.
import type { RegoErrorCode } from '../rego/index.ts';

/**
 * Every problem code routewise reports, by the stage that finds it: a closed list, so a new code
 * is a decision made here and the same trouble never gets two names.
 */
export type ProblemCode =
  // Reading files and folders (runner, policy files, audit discovery).
  | 'path-not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'unknown-file-type'
  | 'glob-no-match'
  | 'symlink-loop'
  | 'outside-root'
  | 'manifest-not-found'
  | 'no-manifests'
  // Loading the text (load/).
  | 'file-empty'
  | 'file-binary'
  | 'file-not-utf8'
  | 'file-too-large'
  | 'json-syntax'
  | 'yaml-syntax'
  | 'yaml-ambiguous-line-break'
  | 'yaml-complex-key'
  | 'yaml-duplicate-key'
  | 'yaml-multiple-documents'
  | 'yaml-number-not-finite'
  | 'yaml-number-too-large'
  | 'yaml-too-deep'
  | 'yaml-too-many-aliases'
  | 'yaml-unknown-alias'
  | 'yaml-unsupported-tag'
  // Validating the manifest (validate/): `schema-<keyword>` for each JSON Schema keyword.
  | `schema-${SchemaKeyword}`
  | 'manifest-not-a-mapping'
  | 'manifest-duplicate-id'
  | 'manifest-unknown-reference'
  | 'manifest-strategy-mismatch'
  // Gateway and cluster sources (sources/, spec/drift.md).
  | 'source-flag'
  | 'source-empty'
  | 'source-invalid'
  | 'source-outside-repository'
  | 'source-too-many-files'
  // Policies, their settings and the engines (policy/).
  | RegoErrorCode
  | 'no-policies'
  | 'policy-output'
  | 'duplicate-rule-id'
  | 'rule-id-claimed'
  | 'retired-setting'
  | 'invalid-data-file'
  | 'unknown-setting'
  | 'setting-type'
  | 'wasm_abort'
  | 'wasm_eval_error'
  | 'wasm-abi-unsupported'
  | 'wasm-bundle-corrupt'
  | 'wasm-bundle-unsupported'
  | 'wasm-entrypoint'
  | 'wasm-invalid-module'
  | 'wasm-missing-builtin'
  | 'wasm-no-entrypoints'
  // Runs: settings, shard reports, failures on one manifest.
  | 'usage'
  | 'action-input'
  | 'not-an-audit-report'
  | 'unsupported-report-version'
  | 'overlapping-shards'
  | 'not-a-shard-report'
  | 'mixed-shard-runs'
  | 'missing-shards'
  | 'worker-crashed'
  | 'internal-error';

/** JSON Schema keywords as problem codes name them (kebab-case). */
export type SchemaKeyword =
  | 'additional-property'
  | 'required'
  | 'type'
  | 'enum'
  | 'const'
  | 'pattern'
  | 'format'
  | 'minimum'
  | 'maximum'
  | 'exclusive-minimum'
  | 'exclusive-maximum'
  | 'multiple-of'
  | 'min-items'
  | 'max-items'
  | 'unique-items'
  | 'min-length'
  | 'max-length'
  | 'min-properties'
  | 'max-properties'
  | 'one-of'
  | 'any-of'
  | 'all-of'
  | 'not'
  | 'if'
  | 'contains'
  | 'property-names'
  | 'dependent-required'
  | 'invalid';

export interface SourcePosition {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Problem {
  /** Stable, machine-readable: `yaml-duplicate-key`, `schema-additional-property`, `rego_parse_error`, ... */
  code: ProblemCode;
  /** One sentence for people. */
  message: string;
  /** Where, when known. */
  position?: SourcePosition;
  /** Path inside the manifest (keys and indices), when the problem concerns a value. */
  path?: (string | number)[];
  /** What to do about it ("did you mean `dataClasses`?"). */
  hint?: string;
}

/** Results that can fail carry their problems as data rather than throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
