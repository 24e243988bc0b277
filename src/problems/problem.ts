// A problem found before policies can judge a manifest (unreadable file, invalid YAML,
// schema violation, broken policy): a value with a code, a message and a place.

export interface SourcePosition {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Problem {
  /** Stable, machine-readable: `yaml-duplicate-key`, `schema-additional-property`, `rego_parse_error`, ... */
  code: string;
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
