// The subset of JSON Schema that error messages and checks read from the manifest schema.

export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  description?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  [keyword: string]: unknown;
}

/** The schema for the value at `path` in data shaped by `root`, following local `$ref`s. */
export function schemaAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = deref(root, root);
  for (const segment of path) {
    if (!schema) return undefined;
    schema = typeof segment === 'number' ? schema.items : schema.properties?.[segment];
    schema = schema && deref(root, schema);
  }
  return schema;
}

export function deref(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let i = 0; i < 8 && current.$ref?.startsWith('#/$defs/'); i++) {
    const target = root.$defs?.[current.$ref.slice('#/$defs/'.length)];
    if (!target) break;
    // Keywords beside $ref (a more specific description) win over the referenced ones.
    const { $ref: _ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}
