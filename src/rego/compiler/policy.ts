// A compiled policy: its modules, the rule tree they build, and what tools ask about it
// (packages, rule names, METADATA annotations).
import type { AnnotationScope, Annotations, Location, Module, RegoVersion } from '../ast.ts';
import type { BuiltinDef } from '../builtins/builtin.ts';
import { dataPathText, type RuleNode } from './ir.ts';

export interface AnnotationEntry {
  /** `data.x.y.rule` for rule and document scope, `data.x.y` for package scopes. */
  path: string;
  kind: AnnotationScope;
  annotations: Annotations;
  location: Location;
}

export class CompiledPolicy {
  constructor(
    readonly modules: Module[],
    readonly root: RuleNode,
    readonly builtins: ReadonlyMap<string, BuiltinDef>,
    readonly regoVersion: RegoVersion,
  ) {}

  /** Dotted package names, sorted (`routewise.rules.hybrid`). */
  packages(): string[] {
    return [...new Set(this.modules.map((m) => m.package.path.join('.')))].sort();
  }

  /** Names of the rules of one package, sorted, each once. */
  ruleNames(pkg: string): string[] {
    const names = new Set<string>();
    for (const m of this.modules) {
      if (m.package.path.join('.') !== pkg) continue;
      for (const r of m.rules) names.add(r.head.ref[0].name);
    }
    return [...names].sort();
  }

  annotations(): AnnotationEntry[] {
    const out: AnnotationEntry[] = [];
    for (const m of this.modules) {
      const pkgPath = dataPathText(m.package.path);
      const attached = new Set<Annotations>();
      for (const r of m.rules) {
        const path = pkgPath + '.' + r.head.ref[0].name;
        for (const a of r.annotations) {
          if (a.scope !== 'rule' && a.scope !== 'document') continue;
          attached.add(a);
          out.push({ path, kind: a.scope, annotations: a, location: a.loc });
        }
      }
      for (const a of m.annotations) {
        if (attached.has(a)) continue;
        if (a.scope === 'package' || a.scope === 'subpackages') {
          out.push({ path: pkgPath, kind: a.scope, annotations: a, location: a.loc });
        }
      }
    }
    return out;
  }
}
