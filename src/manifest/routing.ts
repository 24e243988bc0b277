// Who reaches which target, following manifest-v1 "Meaning of routing": routing is decided per
// request, and a request of a workload carries one of its data classes or, unless the workload
// says `mixesDataClasses: false`, several at once. Singletons and pairs of classes find every
// target a class can land on (matching is monotone: a rule that takes a larger combination first
// also takes one of its pairs first). Burst and fallbacks (transitively) add to what routing
// reaches; no routing means every workload may reach every target. Every rule that asks "does
// this class reach that target" reads the reaches computed here and nowhere else.
import type { Deployment, Manifest, Route } from './manifest.ts';

/** A place in the manifest, as keys and indices from its root. */
export type ManifestPath = (string | number)[];

/**
 * One (workload, data class) pair reaching one target, by one means.
 * `via`: 'route' (a routing rule with dataClasses/workloads), 'default' (a `default: true` rule),
 * 'burst' (burst.to), 'fallback' (a fallback's `to`, followed transitively), 'unrestricted'
 * (no routing declared: every workload reaches every target).
 */
export interface Reach {
  workload: string;
  dataClass: string;
  target: string;
  via: 'route' | 'default' | 'burst' | 'fallback' | 'unrestricted';
  /** Index in deployment.routing for 'route' and 'default'. */
  route: number | null;
  /** Index in deployment.fallbacks for 'fallback'. */
  fallback: number | null;
  /** null when a request carrying this class alone gets there; else the classes it travels with. */
  with: string[] | null;
  /** Where the reach is declared: the routing rule's `to`, `burst.to`, a fallback's `to`, or the target itself. */
  path: ManifestPath;
}

/**
 * A class that a mixed request carries to a target the routing of the class alone would not
 * choose (RW-HYB-005): the rule `route` takes the request because of the `with` classes.
 */
export interface MixedLanding {
  workload: string;
  dataClass: string;
  with: string[];
  route: number;
  target: string;
  /** Where a request carrying only this class is routed; null when nowhere. */
  aloneTarget: string | null;
  /** The routing rule that takes the mixed request. */
  path: ManifestPath;
  workloadPath: ManifestPath;
}

export interface InputRoute {
  index: number;
  when: { dataClasses: string[]; workloads: string[]; default: boolean };
  to: string;
  /**
   * Indices of earlier rules that together already match every (workload, data class) pair
   * this rule would match, so it can never match; null when it can match something.
   */
  shadowedBy: number[] | null;
  path: ManifestPath;
}


export interface Pair {
  workload: string;
  dataClass: string;
  /** Where the workload lists the data class. */
  path: ManifestPath;
}

/** One kind of request: a workload's request carrying these classes (one or two). */
export interface Request {
  workload: string;
  dataClasses: string[];
}

export interface RoutingOutcome {
  reaches: Reach[];
  unrouted: Pair[];
  routing: InputRoute[];
  mixedLandings: MixedLanding[];
}

/** Every (workload, data class) pair the manifest declares, in declaration order. */
export function declaredPairs(manifest: Manifest): Pair[] {
  const pairs: Pair[] = [];
  manifest.workloads.forEach((w, i) => {
    for (let j = 0; j < w.dataClasses.length; j++) pairs.push({ workload: w.id, dataClass: w.dataClasses[j]!, path: ['workloads', i, 'dataClasses', j] });
  });
  return pairs;
}

/** The requests worth routing: each class alone, and each pair where the workload mixes classes. */
export function requestsOf(manifest: Manifest): Request[] {
  const requests: Request[] = [];
  for (const w of manifest.workloads) {
    const classes = w.dataClasses;
    for (const c of classes) requests.push({ workload: w.id, dataClasses: [c] });
    if (w.mixesDataClasses === false) continue;
    for (let i = 0; i < classes.length; i++) {
      for (let j = i + 1; j < classes.length; j++) requests.push({ workload: w.id, dataClasses: [classes[i]!, classes[j]!] });
    }
  }
  return requests;
}

/**
 * Whether a rule matches a request. `default: true` matches everything; otherwise every condition
 * the rule lists must hold (`dataClasses`: the request carries any listed class; `workloads`: it
 * belongs to a listed workload); a rule listing no condition matches nothing.
 */
export function routeMatches(route: Route, request: Pair | Request): boolean {
  const { when } = route;
  if (when.default === true) return true;
  if (when.dataClasses === undefined && when.workloads === undefined) return false;
  const carried = 'dataClasses' in request ? request.dataClasses : [request.dataClass];
  return (
    (when.dataClasses === undefined || carried.some((c) => when.dataClasses!.includes(c))) &&
    (when.workloads === undefined || when.workloads.includes(request.workload))
  );
}

/** Index of the rule that decides a request, or -1. */
export function firstMatch(routes: Route[], request: Request): number {
  return routes.findIndex((route) => routeMatches(route, request));
}

type Landing = Omit<Reach, 'workload' | 'dataClass' | 'with'>;

/**
 * Every target one request can land on: the routed target (or every target when no routing is
 * declared), the burst target unless the request carries an excluded class, then fallbacks of
 * any reached target, transitively, unless the request carries a class the fallback excludes.
 */
export function landingsOf(deployment: Deployment, request: Request): Landing[] {
  const routes = deployment.routing ?? [];
  const landings: Landing[] = [];
  if (routes.length === 0) {
    deployment.targets.forEach((t, i) => landings.push({ target: t.id, via: 'unrestricted', route: null, fallback: null, path: ['deployment', 'targets', i] }));
  } else {
    const index = firstMatch(routes, request);
    if (index !== -1) {
      const route = routes[index]!;
      landings.push({ target: route.to, via: route.when.default === true ? 'default' : 'route', route: index, fallback: null, path: ['deployment', 'routing', index, 'to'] });
    }
  }
  const carries = (excluded: string[] | undefined) => request.dataClasses.some((c) => (excluded ?? []).includes(c));
  const burst = deployment.burst;
  if (burst && landings.length > 0 && !carries(burst.excludeDataClasses)) {
    landings.push({ target: burst.to, via: 'burst', route: null, fallback: null, path: ['deployment', 'burst', 'to'] });
  }
  const fallbacks = deployment.fallbacks ?? [];
  const reached = new Set(landings.map((l) => l.target));
  for (let k = 0; k < landings.length; k++) {
    const from = landings[k]!.target;
    fallbacks.forEach((f, i) => {
      if (f.from !== from || reached.has(f.to) || carries(f.excludeDataClasses)) return;
      reached.add(f.to);
      landings.push({ target: f.to, via: 'fallback', route: null, fallback: i, path: ['deployment', 'fallbacks', i, 'to'] });
    });
  }
  return landings;
}

export function resolveRouting(manifest: Manifest): RoutingOutcome {
  const { deployment } = manifest;
  const routes = deployment.routing ?? [];
  const pairs = declaredPairs(manifest);
  const requests = requestsOf(manifest);

  // One reach per (workload, class, target, via, route, fallback); the first request that makes
  // it (singletons come first) names the class it travels with.
  const reaches = new Map<string, Reach>();
  for (const request of requests) {
    for (const landing of landingsOf(deployment, request)) {
      for (const dataClass of request.dataClasses) {
        // route and fallback are numbers or null (written `null`), never text: the key stays unique.
        const key = `${request.workload}\u0000${dataClass}\u0000${landing.target}\u0000${landing.via}\u0000${landing.route}\u0000${landing.fallback}`;
        if (reaches.has(key)) continue;
        const others = request.dataClasses.length === 1 ? [] : request.dataClasses.filter((c) => c !== dataClass);
        reaches.set(key, {
          workload: request.workload,
          dataClass,
          target: landing.target,
          via: landing.via,
          route: landing.route,
          fallback: landing.fallback,
          path: landing.path,
          with: others.length > 0 ? others : null,
        });
      }
    }
  }

  const unrouted =
    routes.length === 0 ? [] : pairs.filter((p) => firstMatch(routes, { workload: p.workload, dataClasses: [p.dataClass] }) === -1);

  const pairIndex = new Map(pairs.map((p, i) => [`${p.workload}\u0000${p.dataClass}`, i]));
  const targetOrder = new Map(deployment.targets.map((t, i) => [t.id, i]));
  const viaOrder = { route: 0, default: 0, unrestricted: 0, burst: 1, fallback: 2 };
  // Each reach's pair looked up once, not on every comparison.
  const pairOf = new Map([...reaches.values()].map((r) => [r, pairIndex.get(`${r.workload}\u0000${r.dataClass}`)!]));
  const sorted = [...reaches.values()].sort(
    (a, b) =>
      pairOf.get(a)! - pairOf.get(b)! ||
      (targetOrder.get(a.target) ?? 0) - (targetOrder.get(b.target) ?? 0) ||
      viaOrder[a.via] - viaOrder[b.via] ||
      (a.route ?? 0) - (b.route ?? 0) ||
      (a.fallback ?? 0) - (b.fallback ?? 0),
  );

  return {
    reaches: sorted,
    unrouted,
    routing: routes.map((route, index) => inputRoute(route, index, routes, pairs)),
    mixedLandings: mixedLandings(manifest, requests),
  };
}

/**
 * Classes that a pair request carries to a target their own request would not be routed to:
 * the rule that takes the pair matches because of the other class.
 */
function mixedLandings(manifest: Manifest, requests: Request[]): MixedLanding[] {
  const routes = manifest.deployment.routing ?? [];
  if (routes.length === 0) return [];
  const found = new Map<string, MixedLanding>();
  for (const request of requests) {
    if (request.dataClasses.length < 2) continue;
    const index = firstMatch(routes, request);
    if (index === -1) continue;
    const to = routes[index]!.to;
    for (const dataClass of request.dataClasses) {
      const aloneIndex = firstMatch(routes, { workload: request.workload, dataClasses: [dataClass] });
      const alone = aloneIndex === -1 ? null : routes[aloneIndex]!.to;
      if (alone === to) continue;
      const key = `${request.workload}\u0000${dataClass}\u0000${to}`;
      if (found.has(key)) continue;
      const workloadIndex = manifest.workloads.findIndex((w) => w.id === request.workload);
      found.set(key, {
        workload: request.workload,
        dataClass,
        with: request.dataClasses.filter((c) => c !== dataClass),
        route: index,
        target: to,
        aloneTarget: alone,
        path: ['deployment', 'routing', index],
        workloadPath: ['workloads', workloadIndex],
      });
    }
  }
  return [...found.values()];
}

/**
 * A rule is shadowed when it would match at least one request and every such request is already
 * taken by an earlier rule; shadowedBy lists the earlier rules that take them. Checking each class
 * alone is enough: a rule that takes a pair first also takes one of its classes alone first.
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
