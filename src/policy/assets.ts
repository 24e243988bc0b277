// Where routewise's own files are: the built-in policies and the schema ship next to the code,
// two folders up from both src/cli and the bundle in dist/cli.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const PACKAGE_ROOT = root;
export const BUILTIN_POLICIES = fileURLToPath(new URL('../../policies/', import.meta.url));
export const MANIFEST_SCHEMA = fileURLToPath(new URL('../../schemas/manifest.v1.schema.json', import.meta.url));
export const POLICY_INPUT_SCHEMA_FILE = fileURLToPath(new URL('../../schemas/policy-input.v1.schema.json', import.meta.url));
export const DATA_SCHEMA = fileURLToPath(new URL('../../schemas/data.v1.schema.json', import.meta.url));
