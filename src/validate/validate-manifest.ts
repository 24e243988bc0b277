// Validates a loaded document as a routewise manifest: the JSON Schema (precompiled), then the
// cross-reference checks. Every problem carries the position of the offending value.
import type { LoadedDocument } from '../load/loaded-document.ts';
import type { Result } from '../problems/problem.ts';
import { crossReferenceProblems } from './cross-references.ts';
import { manifestSchema } from '../manifest/generated/manifest-schema.ts';
import validateSchema from '../manifest/generated/manifest-validator.js';
import type { Manifest } from '../manifest/manifest.ts';
import { schemaProblems } from './schema-problems.ts';

export function validateManifest(doc: LoadedDocument): Result<Manifest> {
  if (!validateSchema(doc.data)) {
    const problems = schemaProblems(validateSchema.errors ?? [], doc, manifestSchema);
    // Never let an invalid manifest through, even if every ajv error was folded away.
    if (problems.length === 0) {
      problems.push({ code: 'schema-invalid', message: 'the manifest does not match the schema', position: doc.positionOf([]) });
    }
    return { ok: false, problems };
  }
  const manifest = doc.data as unknown as Manifest;
  const problems = crossReferenceProblems(manifest, doc);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: manifest };
}
