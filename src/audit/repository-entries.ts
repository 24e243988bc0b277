// Turns one found repository and the verdicts on its manifests into report entries: one per
// manifest, one about the repository itself when it could not be searched or holds no manifest.
import type { RepositoryEntry } from './audit-report.ts';
import type { FoundRepository } from './discovery.ts';
import type { ManifestVerdict } from './verdict.ts';

const NO_COUNTS = { errors: 0, warnings: 0, infos: 0, waived: 0, problems: 0 };

export function repositoryEntries(
  repository: FoundRepository,
  verdicts: ReadonlyMap<string, ManifestVerdict>,
  options: { expectManifest: boolean },
): RepositoryEntry[] {
  const entries: RepositoryEntry[] = [];
  const about = (status: RepositoryEntry['status'], problems: RepositoryEntry['problems']): RepositoryEntry => ({
    path: repository.path,
    manifest: null,
    strategy: null,
    status,
    counts: { ...NO_COUNTS, problems: problems.length },
    findings: [],
    problems,
    waivers: [],
    dataFlows: [],
    cost: null,
  });
  if (repository.problems.length > 0) {
    entries.push(about('error', repository.problems.map((p) => ({ code: p.code, message: p.message, line: null, column: null }))));
  } else if (repository.manifests.length === 0) {
    entries.push(about(options.expectManifest ? 'missing' : 'none', []));
  }
  for (const manifest of repository.manifests) {
    const verdict = verdicts.get(manifest);
    if (verdict) entries.push({ path: repository.path, manifest, ...verdict });
  }
  return entries;
}
