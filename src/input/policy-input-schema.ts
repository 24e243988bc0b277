// The policy input's JSON Schema (schemas/policy-input.v1.schema.json) with the manifest schema
// it refers to, in the form the Rego compiler checks policies' refs into \`input\` against.
import inputSchema from '../../schemas/policy-input.v1.schema.json' with { type: 'json' };
import type { InputSchema, SchemaNode } from '../rego/index.ts';
import { manifestSchema } from '../manifest/generated/manifest-schema.ts';

export const POLICY_INPUT_SCHEMA: InputSchema = {
  root: inputSchema as SchemaNode,
  documents: [manifestSchema as SchemaNode],
};
