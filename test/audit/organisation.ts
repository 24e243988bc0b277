// Builds fixture organisations in a temp folder: repositories as folders (with a .git or not)
// holding the example manifests a user would write, plus broken ones.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Manifest texts by name: the bundled examples. */
export function example(name: 'bank-hybrid' | 'startup-cloud-api' | 'hospital-on-prem' | 'saas-self-hosted' | `violations/${string}`): string {
  return readFileSync(join(EXAMPLES, name, 'routewise.yaml'), 'utf8');
}

export const INVALID_MANIFEST = 'apiVersion: routewise/v1\nkind: LLMDeployment\nmetadata: { name: broken }\n';

export interface Organisation {
  dir: string;
  /** Writes a file under the organisation, making folders as needed. */
  write(path: string, text?: string): void;
  /** A repository folder with a .git. */
  repo(path: string, manifest?: string, name?: string): void;
  cleanup(): void;
}

export function organisation(prefix = 'rw-audit-'): Organisation {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const write = (path: string, text = '') => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  return {
    dir,
    write,
    repo(path, manifest, name = 'routewise.yaml') {
      mkdirSync(join(dir, path, '.git'), { recursive: true });
      if (manifest !== undefined) write(join(path, name), manifest);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
