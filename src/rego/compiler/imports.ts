// What a free name means inside a module: `input`, `data`, an import alias, or a rule of the
// module's own package (which may be defined in another file of the package).
import type { Module, Term } from '../ast.ts';

export interface GlobalRef {
  root: 'data' | 'input';
  /** Path below the root; its elements are the static keys the name stands for. */
  path: string[];
}

export interface NameScope {
  /** Package path of the module, or undefined for a query. */
  pkg?: string[];
  ruleNames: ReadonlySet<string>;
  imports: Map<string, GlobalRef>;
}

const EMPTY: ReadonlySet<string> = new Set();

export function queryNameScope(): NameScope {
  return { ruleNames: EMPTY, imports: new Map() };
}

/** Static string path of an import ref, or undefined for `future.keywords`, `rego.v1` and odd refs. */
function importRef(path: Term): GlobalRef | undefined {
  const head = path.type === 'var' ? path : path.type === 'ref' && path.head.type === 'var' ? path.head : undefined;
  if (!head || (head.name !== 'data' && head.name !== 'input')) return undefined;
  const keys: string[] = [];
  if (path.type === 'ref') {
    for (const t of path.path) {
      if (t.type !== 'scalar' || typeof t.value !== 'string') return undefined;
      keys.push(t.value);
    }
  }
  return { root: head.name, path: keys };
}

export function moduleNameScope(m: Module, ruleNames: ReadonlySet<string>): NameScope {
  const imports = new Map<string, GlobalRef>();
  for (const imp of m.imports) {
    const ref = importRef(imp.path);
    if (!ref) continue;
    const alias = imp.alias ?? (ref.path.length > 0 ? ref.path[ref.path.length - 1]! : ref.root);
    imports.set(alias, ref);
  }
  return { pkg: m.package.path, ruleNames, imports };
}

/** The global a name stands for, or undefined when it is a local variable. */
export function resolveName(scope: NameScope, name: string): GlobalRef | undefined {
  if (name === 'input') return { root: 'input', path: [] };
  if (name === 'data') return { root: 'data', path: [] };
  const imp = scope.imports.get(name);
  if (imp) return imp;
  if (scope.pkg && scope.ruleNames.has(name)) return { root: 'data', path: [...scope.pkg, name] };
  return undefined;
}
