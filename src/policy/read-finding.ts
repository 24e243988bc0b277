// Reads one finding produced by a policy (any engine) and checks its shape, so a malformed
// custom rule is reported as a policy problem instead of crashing a report. Conftest's forms are
// findings too: a bare message string, or an object whose message is in `msg`.
import type { RawFinding, RawRelated } from './finding.ts';
import type { Result, SourcePosition } from '../problems/problem.ts';

/** Names policy authors coming from other tools use, and the finding field each one means. */
const FIELD_ALIASES: Record<string, string> = { rule: 'id', ruleId: 'id', level: 'severity', fix: 'remediation' };

/**
 * `where` is the rule that produced the finding, when the engine knows it; `ruleId` is the id a
 * finding without its own `id` gets (the rule's METADATA id, or `<package>.<rule name>`).
 */
export function readFinding(x: unknown, producer: string, where?: SourcePosition, ruleId?: string): Result<RawFinding> {
  const fail = (what: string, hint?: string) => failure(producer, what, where, hint);
  if (typeof x === 'string' && ruleId !== undefined) return { ok: true, value: { id: ruleId, message: x } };
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    return fail(`produced ${JSON.stringify(x)}, not a finding (a message string or an object with \`msg\` or \`message\`)`);
  }
  const o = x as Record<string, unknown>;
  const id = o.id === undefined ? ruleId : o.id;
  if (typeof id !== 'string' || id === '') return fail('produced a finding without a string `id`', aliasHint(o, 'id'));
  const message = o.message === undefined ? o.msg : o.message;
  if (typeof message !== 'string') return fail(`produced finding ${id} without a string \`message\``, aliasHint(o, 'message'));
  const f: RawFinding = { id, message };
  if (Array.isArray(o.path) && o.path.every((p) => typeof p === 'string' || typeof p === 'number')) {
    f.path = o.path as (string | number)[];
  } else if (o.path !== undefined) {
    return fail(`produced finding ${id} whose \`path\` is not a list of keys and indices`);
  }
  if (o.severity === 'error' || o.severity === 'warning' || o.severity === 'info') f.severity = o.severity;
  else if (o.severity !== undefined) return fail(`produced finding ${id} with severity ${JSON.stringify(o.severity)}; use error, warning or info`);
  if (typeof o.remediation === 'string') f.remediation = o.remediation;
  if (typeof o.subject === 'object' && o.subject !== null) {
    const s = o.subject as Record<string, unknown>;
    const subject: NonNullable<RawFinding['subject']> = {};
    for (const k of ['target', 'dataClass', 'workload'] as const) if (typeof s[k] === 'string') subject[k] = s[k] as string;
    f.subject = subject;
  }
  if (o.location !== undefined) {
    if (!isPlace(o.location)) return fail(`produced finding ${o.id} whose \`location\` is not {file, line, column}`);
    f.location = placeOf(o.location);
  }
  if (o.related !== undefined) {
    if (!Array.isArray(o.related)) return fail(`produced finding ${o.id} whose \`related\` is not a list`);
    const related: RawRelated[] = [];
    for (const r of o.related as unknown[]) {
      const item = r as Record<string, unknown>;
      const message = typeof item?.message === 'string' ? item.message : '';
      if (isPlace(item)) related.push({ ...placeOf(item), message });
      else if (Array.isArray(item?.path) && item.path.every((p) => typeof p === 'string' || typeof p === 'number')) related.push({ path: item.path as (string | number)[], message });
      else return fail(`produced finding ${o.id} with a \`related\` entry that is neither {file, line, column, message} nor {path, message}`);
    }
    f.related = related;
  }
  return { ok: true, value: f };
}

function isPlace(x: unknown): x is SourcePosition {
  const o = x as Record<string, unknown> | null;
  return typeof o === 'object' && o !== null && typeof o.file === 'string' && Number.isInteger(o.line) && Number.isInteger(o.column);
}

function placeOf(p: SourcePosition): SourcePosition {
  return { file: p.file, line: p.line, column: p.column };
}

function aliasHint(o: Record<string, unknown>, field: string): string | undefined {
  const alias = Object.keys(o).find((k) => FIELD_ALIASES[k] === field);
  return alias ? `did you mean \`${field}\` instead of \`${alias}\`?` : undefined;
}

function failure(producer: string, what: string, where: SourcePosition | undefined, hint: string | undefined): Result<RawFinding> {
  return {
    ok: false,
    problems: [
      {
        code: 'policy-output',
        message: `${producer} ${what}`,
        ...(where ? { position: where } : {}),
        hint: hint ?? 'a finding is an object with at least "id" and "message" (docs/policy-input.md, findings)',
      },
    ],
  };
}
