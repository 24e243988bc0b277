// Decides when JSON.parse's reading of a JSON manifest is exactly what the YAML path would give,
// so a JSON file need not go through the YAML parser unless someone asks where a value is.

/** Deeper nesting is left to the YAML path, which knows how to refuse it. */
const MAX_DEPTH = 64;
/** The YAML parser refuses implicit keys of 1024 characters or more. */
const MAX_KEY_LENGTH = 1000;

/**
 * The manifest data when `parsed` (JSON.parse of `text`) is a mapping the YAML path would read
 * the same and accept; undefined when the YAML path must decide (a key written twice, a number
 * that is not finite or not exact, a tab, a `__proto__` key, deep nesting, not a mapping).
 */
export function plainJsonData(text: string, parsed: unknown): Record<string, unknown> | undefined {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  // YAML has its own rules for tabs and lone carriage returns; JSON allows them between tokens.
  if (text.includes('\t') || /\r(?!\n)/.test(text)) return undefined;
  const keys = { count: 0 };
  if (!plainValue(parsed, 0, keys)) return undefined;
  // JSON.parse keeps the last of two equal keys; YAML reports them, so count what was written.
  if (writtenKeys(text) !== keys.count) return undefined;
  return parsed as Record<string, unknown>;
}

function plainValue(value: unknown, depth: number, keys: { count: number }): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => plainValue(item, depth + 1, keys));
  for (const key in value) {
    if (key === '__proto__' || key.length > MAX_KEY_LENGTH) return false;
    keys.count++;
    if (!plainValue((value as Record<string, unknown>)[key], depth + 1, keys)) return false;
  }
  return true;
}

/** How many object keys valid JSON text writes: strings followed by a colon. */
function writtenKeys(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) {
    // Skip to the closing quote, over escaped characters.
    for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    let next = i + 1;
    while (text[next] === ' ' || text[next] === '\n' || text[next] === '\r') next++;
    if (text[next] === ':') count++;
  }
  return count;
}
