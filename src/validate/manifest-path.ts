// How manifest paths read in messages: `workloads[0].volume`, and "`category` in dataClasses[0]".

export type ManifestPath = readonly (string | number)[];

/** `deployment.targets[1].provider`; the empty path is the top level. */
export function formatPath(path: ManifestPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? 'the top level' : out;
}

/** "in workloads[0]", or "at the top level". */
export function inPath(path: ManifestPath): string {
  return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}

/** "`category` in dataClasses[0]": the value's own name, then where it sits. */
export function describeValue(path: ManifestPath): string {
  let k = path.length - 1;
  while (k >= 0 && typeof path[k] === 'number') k--;
  if (k < 0) return path.length === 0 ? 'the manifest' : `\`${formatPath(path)}\``;
  const name = formatPath(path.slice(k));
  return k === 0 ? `\`${name}\`` : `\`${name}\` in ${formatPath(path.slice(0, k))}`;
}
