// Types of the precompiled manifest validator (an ajv standalone validation function).
import type { ErrorObject } from 'ajv';

interface ManifestValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validate: ManifestValidator;
export default validate;
