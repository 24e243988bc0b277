// Who reaches which target, following manifest-v1 "Meaning of routing": for each (workload,
// data class) pair the first matching rule decides; burst adds overflow; no routing means
// every workload may reach every target.
import type { Manifest, Route } from '../manifest/manifest.ts';
import type { InputRoute, ManifestPath, Reach } from './policy-input.ts';

export interface Pair {
  workload: string;
  dataClass: string;
  /** Where the workload lists the data class. */
  path: ManifestPath;
}

export interface RoutingOutcome {
  reaches: Reach[];
  unrouted: Pair[];
  routing: InputRoute[];
}

/** Every (workload, data class) pair the manifest declares, in declaration order. */
export function declaredPairs(manifest: Manifest): Pair[] {
  return manifest.workloads.flatMap((w, i) =>
    w.dataClasses.map((dataClass, j) => ({ workload: w.id, dataClass, path: ['workloads', i, 'dataClasses', j] })),
  );
}

/**
 * Whether a rule matches a pair. `default: true` matches everything; otherwise every condition
 * the rule lists must hold (a rule listing both data classes and workloads matches their
 * combination); a rule listing no condition matches nothing.
 */
export function routeMatches(route: Route, pair: Pair): boolean {
  const { when } = route;
  if (when.default === true) return true;
  if (when.dataClasses === undefined && when.workloads === undefined) return false;
  return (
    (when.dataClasses === undefined || when.dataClasses.includes(pair.dataClass)) &&
    (when.workloads === undefined || when.workloads.includes(pair.workload))
  );
}

export function resolveRouting(manifest: Manifest): RoutingOutcome {
  const { deployment } = manifest;
  const routes = deployment.routing ?? [];
  const pairs = declaredPairs(manifest);
  const targetOrder = new Map(deployment.targets.map((t, i) => [t.id, i]));
  const reaches: Reach[] = [];
  const unrouted: Pair[] = [];

  for (const pair of pairs) {
    const { workload, dataClass } = pair;
    if (routes.length === 0) {
      deployment.targets.forEach((target, i) =>
        reaches.push({ workload, dataClass, target: target.id, via: 'unrestricted', route: null, path: ['deployment', 'targets', i] }),
      );
    } else {
      const index = routes.findIndex((route) => routeMatches(route, pair));
      if (index === -1) unrouted.push(pair);
      else {
        reaches.push({
          workload,
          dataClass,
          target: routes[index]!.to,
          via: routes[index]!.when.default === true ? 'default' : 'route',
          route: index,
          path: ['deployment', 'routing', index, 'to'],
        });
      }
    }
    const burst = deployment.burst;
    if (burst && !(burst.excludeDataClasses ?? []).includes(dataClass)) {
      reaches.push({ workload, dataClass, target: burst.to, via: 'burst', route: null, path: ['deployment', 'burst', 'to'] });
    }
  }

  // Pairs are already in workload / data class order; within a pair, targets as declared.
  const pairIndex = new Map(pairs.map((p, i) => [`${p.workload}\u0000${p.dataClass}`, i]));
  const viaOrder = { route: 0, default: 0, unrestricted: 0, burst: 1 };
  reaches.sort(
    (a, b) =>
      pairIndex.get(`${a.workload}\u0000${a.dataClass}`)! - pairIndex.get(`${b.workload}\u0000${b.dataClass}`)! ||
      (targetOrder.get(a.target) ?? 0) - (targetOrder.get(b.target) ?? 0) ||
      viaOrder[a.via] - viaOrder[b.via],
  );

  return { reaches, unrouted, routing: routes.map((route, index) => inputRoute(route, index, routes, pairs)) };
}

/**
 * A rule is shadowed when it would match at least one declared pair and every such pair is
 * already taken by an earlier rule; shadowedBy lists the earlier rules that take them.
 */
function inputRoute(route: Route, index: number, routes: Route[], pairs: Pair[]): InputRoute {
  const matched = pairs.filter((pair) => routeMatches(route, pair));
  let shadowedBy: number[] | null = null;
  if (matched.length > 0) {
    const takers = new Set<number>();
    for (const pair of matched) {
      const earlier = routes.slice(0, index).findIndex((r) => routeMatches(r, pair));
      if (earlier === -1) {
        takers.clear();
        break;
      }
      takers.add(earlier);
    }
    if (takers.size > 0) shadowedBy = [...takers].sort((a, b) => a - b);
  }
  return {
    index,
    when: {
      dataClasses: route.when.dataClasses ?? [],
      workloads: route.when.workloads ?? [],
      default: route.when.default === true,
    },
    to: route.to,
    shadowedBy,
    path: ['deployment', 'routing', index],
  };
}
