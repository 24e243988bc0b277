// Resolves what a call names: a user function in the data tree or a builtin of the registry,
// and checks its number of arguments the way OPA's type checker words it.
import type { Location, RefTerm, VarTerm } from '../ast.ts';
import type { BuiltinDef } from '../builtins/builtin.ts';
import { UNAVAILABLE_BUILTINS, standInHint, unavailableMessage } from '../builtins/unavailable.ts';
import type { RegoErrorData } from '../errors.ts';
import { resolveName, type NameScope } from './imports.ts';
import { dataPathText, type FnTarget, type RuleNode } from './ir.ts';
import { findNode } from './module-set.ts';

export interface FnEnv {
  names: NameScope;
  /** Deprecated builtins exist only for v0 modules; v1 forbids shadowing input and data. */
  regoVersion: 'v0' | 'v1';
  root: RuleNode;
  builtins: ReadonlyMap<string, BuiltinDef>;
  /** Calls of stand-in builtins, and the stand-ins replaced with `with`, across one compilation. */
  standIns: StandInUses;
}

export interface StandInUses {
  calls: { name: string; loc: Location }[];
  replaced: Set<string>;
}

export function newStandInUses(): StandInUses {
  return { calls: [], replaced: new Set() };
}

/**
 * A stand-in (http.send...) may be called only where the compiled policy set replaces it with
 * `with` somewhere, as test suites do; anywhere else the call is the compile error it always was.
 */
export function standInErrors(uses: StandInUses): RegoErrorData[] {
  return uses.calls
    .filter((c) => !uses.replaced.has(c.name))
    .map((c) => ({ code: 'rego_type_error', message: `undefined function ${c.name}: ${unavailableMessage(c.name)}; ${standInHint(c.name)}`, location: c.loc }));
}

/** The dotted name of a call or `with` target (`strings.replace_n`), or undefined if not a plain name. */
export function dottedName(fn: RefTerm | VarTerm): string[] | undefined {
  if (fn.type === 'var') return [fn.name];
  if (fn.head.type !== 'var') return undefined;
  const parts = [fn.head.name];
  for (const t of fn.path) {
    if (t.type !== 'scalar' || typeof t.value !== 'string') return undefined;
    parts.push(t.value);
  }
  return parts;
}

/** Finds the function a name denotes, without arity checks; undefined when there is none. */
export function lookupFunction(parts: string[], env: FnEnv): FnTarget | undefined {
  const global = resolveName(env.names, parts[0]!);
  if (global && global.root === 'data') {
    const path = [...global.path, ...parts.slice(1)];
    const node = findNode(env.root, path);
    if (node && node.kind === 'function') return { kind: 'user', id: dataPathText(path), node, arity: node.arity! };
    if (parts[0] === 'data' || env.names.imports.has(parts[0]!)) return undefined;
  }
  const name = parts.join('.');
  if (name === 'print') return { kind: 'print', id: 'print' };
  const def = env.builtins.get(name);
  if (def && !(def.deprecated && env.regoVersion === 'v1')) return { kind: 'builtin', id: name, def };
  return undefined;
}

export function arityOf(target: FnTarget): number {
  return target.kind === 'user' ? target.arity : target.kind === 'builtin' ? target.def.arity : -1;
}

export function resolveCall(
  fn: RefTerm | VarTerm,
  nargs: number,
  env: FnEnv,
  loc: Location,
  errors: RegoErrorData[],
  /** Only a call that is a whole expression may pass an extra argument to receive the output. */
  allowOutput = true,
): FnTarget | undefined {
  const parts = dottedName(fn);
  if (!parts) {
    errors.push({ code: 'rego_type_error', message: 'illegal call: the function must be named by a ref', location: loc });
    return undefined;
  }
  const target = lookupFunction(parts, env);
  const name = parts.join('.');
  if (!target) {
    const message = UNAVAILABLE_BUILTINS.has(name) ? `undefined function ${name}: ${unavailableMessage(name)}` : `undefined function ${name}`;
    errors.push({ code: 'rego_type_error', message, location: loc });
    return undefined;
  }
  const arity = arityOf(target);
  if (arity >= 0) {
    const shown = target.kind === 'user' ? target.id : name;
    if (nargs > arity + (allowOutput ? 1 : 0)) {
      errors.push({ code: 'rego_type_error', message: `${shown}: too many arguments`, location: loc });
      return undefined;
    }
    if (nargs < arity) {
      errors.push({ code: 'rego_type_error', message: `${shown}: too few arguments`, location: loc });
      return undefined;
    }
  }
  if (target.kind === 'builtin' && target.def.standIn) env.standIns.calls.push({ name, loc });
  return target;
}
