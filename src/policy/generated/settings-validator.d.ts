// Types of the precompiled settings validator (an ajv standalone validation function).
import type { ErrorObject } from 'ajv';

interface SettingsValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validate: SettingsValidator;
export default validate;
