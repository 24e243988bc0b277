// Checks the schema cannot express: referenced ids exist, ids are unique within their list,
// and the strategy agrees with the target types. Each problem points at the offending value.
import type { LoadedDocument } from '../load/loaded-document.ts';
import type { Problem } from '../problems/problem.ts';
import { closestName } from './did-you-mean.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { formatPath } from './manifest-path.ts';

type Path = (string | number)[];

export function crossReferenceProblems(manifest: Manifest, doc: LoadedDocument): Problem[] {
  const problems: Problem[] = [];
  const dataClassIds = manifest.dataClasses.map((d) => d.id);
  const workloadIds = manifest.workloads.map((w) => w.id);
  const targetIds = manifest.deployment.targets.map((t) => t.id);

  const unique = (kind: string, list: string, ids: string[]) => {
    const first = new Map<string, number>();
    ids.forEach((id, index) => {
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, index);
        return;
      }
      const earlierAt = doc.valuePositionOf([...listPath(list), earlier, 'id']);
      problems.push({
        code: 'manifest-duplicate-id',
        message: `duplicate ${kind} id \`${id}\` (first declared at line ${earlierAt.line})`,
        position: doc.valuePositionOf([...listPath(list), index, 'id']),
        path: [...listPath(list), index, 'id'],
        hint: `give each ${kind} its own id`,
      });
    });
  };
  unique('data class', 'dataClasses', dataClassIds);
  unique('workload', 'workloads', workloadIds);
  unique('target', 'deployment.targets', targetIds);

  const reference = (kind: string, ids: string[], id: string, path: Path) => {
    if (ids.includes(id)) return;
    const suggestion = closestName(id, ids);
    problems.push({
      code: 'manifest-unknown-reference',
      message: `${formatPath(path)} names ${kind} \`${id}\`, which is not declared`,
      position: doc.valuePositionOf(path),
      path,
      hint: suggestion ? `did you mean \`${suggestion}\`?` : `declared: ${[...new Set(ids)].join(', ') || 'none'}`,
    });
  };

  manifest.workloads.forEach((w, i) =>
    w.dataClasses.forEach((id, j) => reference('data class', dataClassIds, id, ['workloads', i, 'dataClasses', j])),
  );
  manifest.workloads.forEach((w, i) =>
    Object.keys(w.volume.shareByTarget ?? {}).forEach((id) => reference('target', targetIds, id, ['workloads', i, 'volume', 'shareByTarget', id])),
  );
  const deployment = manifest.deployment;
  (deployment.routing ?? []).forEach((route, i) => {
    const at: Path = ['deployment', 'routing', i];
    (route.when.dataClasses ?? []).forEach((id, j) => reference('data class', dataClassIds, id, [...at, 'when', 'dataClasses', j]));
    (route.when.workloads ?? []).forEach((id, j) => reference('workload', workloadIds, id, [...at, 'when', 'workloads', j]));
    reference('target', targetIds, route.to, [...at, 'to']);
  });
  if (deployment.burst) {
    reference('target', targetIds, deployment.burst.to, ['deployment', 'burst', 'to']);
    (deployment.burst.excludeDataClasses ?? []).forEach((id, j) =>
      reference('data class', dataClassIds, id, ['deployment', 'burst', 'excludeDataClasses', j]),
    );
  }
  (deployment.fallbacks ?? []).forEach((f, i) => {
    const at: Path = ['deployment', 'fallbacks', i];
    reference('target', targetIds, f.from, [...at, 'from']);
    reference('target', targetIds, f.to, [...at, 'to']);
    (f.excludeDataClasses ?? []).forEach((id, j) => reference('data class', dataClassIds, id, [...at, 'excludeDataClasses', j]));
  });
  (deployment.monitoring ?? []).forEach((m, i) => reference('target', targetIds, m.target, ['deployment', 'monitoring', i, 'target']));
  (manifest.waivers ?? []).forEach((w, i) => {
    if (w.target === undefined) return;
    reference('target, data class or workload', [...targetIds, ...dataClassIds, ...workloadIds], w.target, ['waivers', i, 'target']);
  });

  problems.push(...strategyProblems(manifest, doc));
  return problems.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
}

function listPath(list: string): Path {
  return list.split('.');
}

function strategyProblems(manifest: Manifest, doc: LoadedDocument): Problem[] {
  const { strategy, targets } = manifest.deployment;
  const strategyPath: Path = ['deployment', 'strategy'];
  if (strategy === 'hybrid') {
    const types = new Set(targets.map((t) => t.type));
    if (types.size >= 2) return [];
    return [
      {
        code: 'manifest-strategy-mismatch',
        message: `strategy \`hybrid\` needs targets of at least two types; all targets are ${[...types].join(', ')}`,
        position: doc.valuePositionOf(strategyPath),
        path: strategyPath,
        hint: `add a target of another type, or set \`strategy: ${[...types][0]}\``,
      },
    ];
  }
  return targets.flatMap((target, i): Problem[] => {
    if (target.type === strategy) return [];
    const path: Path = ['deployment', 'targets', i, 'type'];
    return [
      {
        code: 'manifest-strategy-mismatch',
        message: `target \`${target.id}\` has type \`${target.type}\`, but strategy \`${strategy}\` allows only ${strategy} targets`,
        position: doc.valuePositionOf(path),
        path,
        hint: 'use `strategy: hybrid` to mix target types, or change the target',
      },
    ];
  });
}
