// METADATA comment blocks: `# METADATA` followed by `#` lines of YAML, parsed into Annotations.
// Every block goes to Module.annotations; rule and document scoped ones also to the next rule.
import { parseDocument } from 'yaml';
import type { AnnotationScope, Annotations, Location, Module, Rule } from './ast.ts';
import { RegoError } from './errors.ts';
import type { Comment } from './lexer.ts';
import { parseSimpleYaml } from './simple-yaml.ts';

const SCOPES: readonly AnnotationScope[] = ['rule', 'document', 'package', 'subpackages'];

interface Block {
  loc: Location;
  yaml: string;
  lastRow: number;
}

/** Finds the METADATA blocks among the comments, parses them and attaches them to the module. */
export function attachAnnotations(module: Module, comments: Comment[]): void {
  const blocks = findBlocks(module.file, comments);
  if (blocks.length === 0) return;
  const rules = module.rules;
  let r = 0;
  for (const block of blocks) {
    while (r < rules.length && rules[r]!.loc.row <= block.lastRow) r++;
    const beforePackage = block.lastRow < module.package.loc.row;
    const target: Rule | undefined = beforePackage ? undefined : rules[r];
    const a = parseAnnotations(block, beforePackage ? 'package' : 'rule');
    if (beforePackage) {
      if (a.scope === 'rule' || a.scope === 'document') {
        fail(`annotation scope '${a.scope}' must be applied to a rule, not the package`, block.loc);
      }
    } else {
      if (a.scope === 'package' || a.scope === 'subpackages') {
        fail(`annotation scope '${a.scope}' must be applied to the package`, block.loc);
      }
      if (!target) fail(`annotation scope '${a.scope}' must be followed by a rule`, block.loc);
      // Document scope is carried by the rule it precedes, which names the document.
      target.annotations.push(a);
    }
    module.annotations.push(a);
  }
}

function findBlocks(file: string, comments: Comment[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i]!;
    if (!c.ownLine || c.text.trim() !== 'METADATA') continue;
    const lines: string[] = [];
    let row = c.row;
    let j = i + 1;
    while (j < comments.length && comments[j]!.row === row + 1 && comments[j]!.ownLine) {
      lines.push(comments[j]!.text);
      row++;
      j++;
    }
    blocks.push({ loc: { file, row: c.row, col: c.col }, yaml: lines.join('\n'), lastRow: row });
    i = j - 1;
  }
  return blocks;
}

function fail(message: string, loc: Location): never {
  throw new RegoError('rego_parse_error', message, loc);
}

/** The block's YAML as plain data; parse errors are rego_parse_errors at the block. */
function readYaml(block: Block): unknown {
  // Almost every block is a few `key: text` lines, which the simple reader takes at a small
  // fraction of the full parser's cost; it declines everything else, errors included.
  const simple = parseSimpleYaml(block.yaml);
  if (simple !== undefined) return simple;
  const doc = parseDocument(block.yaml, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!.message.split('\n')[0];
    fail(`invalid METADATA block: ${first}`, block.loc);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail(`invalid METADATA block: ${(e as Error).message}`, block.loc);
  }
}

function parseAnnotations(block: Block, defaultScope: AnnotationScope): Annotations {
  let raw = readYaml(block);
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('invalid METADATA block: expected a YAML mapping', block.loc);
  const map = raw as Record<string, unknown>;
  const a: Annotations = { scope: defaultScope, raw: map, loc: block.loc };

  const field = <T>(key: string, check: (v: unknown) => v is T, what: string): T | undefined => {
    const v = map[key];
    if (v === undefined || v === null) return undefined;
    if (!check(v)) fail(`invalid METADATA block: \`${key}\` must be ${what}`, block.loc);
    return v;
  };

  const scope = field('scope', isString, 'a string');
  if (scope !== undefined) {
    if (!SCOPES.includes(scope as AnnotationScope)) {
      fail(`invalid annotation scope '${scope}': must be one of ${SCOPES.join(', ')}`, block.loc);
    }
    a.scope = scope as AnnotationScope;
  }
  const title = field('title', isString, 'a string');
  if (title !== undefined) a.title = title;
  const description = field('description', isString, 'a string');
  if (description !== undefined) a.description = description;
  const entrypoint = field('entrypoint', isBoolean, 'true or false');
  if (entrypoint !== undefined) a.entrypoint = entrypoint;
  const custom = field('custom', isMap, 'a mapping');
  if (custom !== undefined) a.custom = custom;
  const authors = field('authors', isArrayOrScalar, 'a list');
  if (authors !== undefined) a.authors = toList(authors).map((x) => author(x, block.loc));
  const organizations = field('organizations', isArrayOrScalar, 'a list of strings');
  if (organizations !== undefined) {
    a.organizations = toList(organizations).map((o) => {
      if (typeof o !== 'string') fail('invalid METADATA block: `organizations` must be a list of strings', block.loc);
      return o;
    });
  }
  const related = field('related_resources', isArrayOrScalar, 'a list');
  if (related !== undefined) a.relatedResources = toList(related).map((x) => relatedResource(x, block.loc));
  const schemas = field('schemas', Array.isArray, 'a list');
  if (schemas !== undefined) a.schemas = schemas as unknown[];
  return a;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isArrayOrScalar(v: unknown): v is unknown {
  return Array.isArray(v) || typeof v === 'string' || isMap(v);
}

function toList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** `"Jane Doe <jane@example.com>"` or `{name, email}` to `{name?, email?}`. */
function author(x: unknown, loc: Location): { name?: string; email?: string } {
  if (typeof x === 'string') {
    const s = x.trim();
    const lt = s.lastIndexOf('<');
    if (lt >= 0 && s.endsWith('>')) {
      const name = s.slice(0, lt).trim();
      const email = s.slice(lt + 1, -1).trim();
      return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
    }
    if (s === '') fail('invalid METADATA block: an author must have a name or an email', loc);
    return { name: s };
  }
  if (isMap(x)) {
    const out: { name?: string; email?: string } = {};
    if (typeof x.name === 'string') out.name = x.name;
    if (typeof x.email === 'string') out.email = x.email;
    if (out.name === undefined && out.email === undefined) {
      fail('invalid METADATA block: an author must have a name or an email', loc);
    }
    return out;
  }
  return fail('invalid METADATA block: an author must be a string or a mapping', loc);
}

/** A URL string or `{ref, description}` to `{ref, description?}`. */
function relatedResource(x: unknown, loc: Location): { ref: string; description?: string } {
  if (typeof x === 'string') return { ref: x };
  if (isMap(x) && typeof x.ref === 'string') {
    return typeof x.description === 'string' ? { ref: x.ref, description: x.description } : { ref: x.ref };
  }
  return fail('invalid METADATA block: a related resource must be a URL or a mapping with `ref`', loc);
}
