// Rego parser: tokens to the syntax tree of ast.ts, for modules, queries and single terms.
// Recursive descent with OPA's operator precedence; every failure is a rego_parse_error.
import type {
  Body,
  CallTerm,
  Expr,
  ExprKind,
  Import,
  Location,
  Module,
  Package,
  Query,
  RefTerm,
  RegoVersion,
  Rule,
  RuleHead,
  ScalarTerm,
  Term,
  VarTerm,
  With,
} from './ast.ts';
import { attachAnnotations } from './annotations.ts';
import { RegoError } from './errors.ts';
import { lex, Tok, tokText, type Comment, type Token } from './lexer.ts';
import { Decimal, normalizeBig } from './value.ts';

export interface ParseOptions {
  regoVersion?: RegoVersion;
}

/** Words that are keywords whatever the version or imports. */
const ALWAYS_KEYWORDS = new Set([
  'not', 'package', 'import', 'as', 'default', 'else', 'with', 'null', 'true', 'false', 'some',
]);
/** Keywords of Rego v1 that v0 modules only get through `future.keywords` or `rego.v1` imports. */
const FUTURE_KEYWORDS = ['contains', 'every', 'if', 'in'];
/** `future.keywords.not` adds nothing to the keyword set; it enables `not { body }`. */
const IMPORTABLE_KEYWORDS = [...FUTURE_KEYWORDS, 'not'];

/** Nesting beyond this is refused so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 200;
/** Speculative parses allowed per statement before a failure is final. */
const BACKTRACK_BUDGET = 256;

const RELATION_OPS: Partial<Record<Tok, string>> = {
  [Tok.Equal]: 'equal',
  [Tok.Neq]: 'neq',
  [Tok.Lt]: 'lt',
  [Tok.Lte]: 'lte',
  [Tok.Gt]: 'gt',
  [Tok.Gte]: 'gte',
};
const ARITH_OPS: Partial<Record<Tok, string>> = { [Tok.Add]: 'plus', [Tok.Sub]: 'minus' };
const FACTOR_OPS: Partial<Record<Tok, string>> = { [Tok.Mul]: 'mul', [Tok.Quo]: 'div', [Tok.Rem]: 'rem' };
/** Binary operators by precedence, loosest first: each level's operands come from the next. */
const BINARY_LEVELS: Partial<Record<Tok, string>>[] = [
  RELATION_OPS,
  { [Tok.Or]: 'or' },
  { [Tok.And]: 'and' },
  ARITH_OPS,
  FACTOR_OPS,
];

export const MEMBER_2 = 'internal.member_2';
export const MEMBER_3 = 'internal.member_3';

export function parseModule(file: string, text: string, options: ParseOptions = {}): Module {
  return guard(file, () => {
    const { tokens, comments } = lex(file, text);
    return new Parser(file, tokens, options.regoVersion ?? 'v1').module(comments);
  });
}

export function parseQuery(text: string, file = '', options: ParseOptions = {}): Query {
  return guard(file, () => {
    const { tokens } = lex(file, text);
    return new Parser(file, tokens, options.regoVersion ?? 'v1').query();
  });
}

export function parseTerm(text: string, file = ''): Term {
  return guard(file, () => {
    const { tokens } = lex(file, text);
    return new Parser(file, tokens, 'v1').singleTerm();
  });
}

/** A number literal to an exact value: integers beyond 2^53 stay exact as bigint. */
export function parseRegoNumber(text: string): number | bigint | Decimal {
  const value = numberValue(text);
  if (value === undefined) throw new RegoError('rego_parse_error', `invalid number: ${text}`);
  return value;
}

function numberValue(text: string): number | bigint | Decimal | undefined {
  let isInt = text.length > 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (i === 0 && c === 45))) {
      isInt = false;
      break;
    }
  }
  if (isInt && text !== '-') return normalizeBig(BigInt(text));
  const trimmed = text.trim();
  if (trimmed !== text || text === '') return undefined;
  const exact = Decimal.parse(text);
  if (exact === undefined) return undefined;
  // Integers stay exact (1e400 included) while their digits are few enough to hold.
  if (exact.isInteger() && exact.integerDigits() <= MAX_INTEGER_DIGITS) return normalizeBig(exact.toBigInt());
  const n = Number(text);
  if (Number.isFinite(n) && Decimal.fromFloat(n).equals(exact)) return n;
  return exact;
}

const MAX_INTEGER_DIGITS = 1000;

/** The parser must only ever fail with a parse error, whatever it is fed. */
function guard<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RegoError) throw e;
    if (e instanceof RangeError) {
      throw new RegoError('rego_parse_error', 'input is nested too deeply', { file, row: 1, col: 1 });
    }
    throw new RegoError('rego_parse_error', `internal parser failure: ${(e as Error)?.message ?? String(e)}`, {
      file,
      row: 1,
      col: 1,
    });
  }
}

interface Saved {
  pos: number;
  depth: number;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private backtracks = BACKTRACK_BUDGET;
  /** `not { a; b }` is allowed (by `future.keywords.not` or `rego.v2`). */
  private notBody = false;
  private readonly keywords = new Set<string>();
  /** Calls written with the `in` operator, as opposed to an explicit `internal.member_2(...)`. */
  private readonly inCalls = new WeakSet<CallTerm>();

  constructor(
    private readonly file: string,
    private readonly toks: Token[],
    private version: RegoVersion,
  ) {
    if (version === 'v1') for (const k of FUTURE_KEYWORDS) this.keywords.add(k);
  }

  // ------------------------------------------------------------ token helpers

  private get tok(): Token {
    return this.toks[this.pos]!;
  }

  /** Read through a method so TypeScript does not narrow it across `next()` calls. */
  private kind(): Tok {
    return this.toks[this.pos]!.kind;
  }

  private next(): Token {
    const t = this.toks[this.pos]!;
    if (this.pos < this.toks.length - 1) this.pos++;
    return t;
  }

  private loc(t: Token = this.tok): Location {
    return { file: this.file, row: t.row, col: t.col };
  }

  private isKeywordWord(w: string): boolean {
    return ALWAYS_KEYWORDS.has(w) || this.keywords.has(w);
  }

  private isKw(word: string, t: Token = this.tok): boolean {
    return t.kind === Tok.Word && t.text === word && this.isKeywordWord(word);
  }

  private isVarWord(t: Token = this.tok): boolean {
    return t.kind === Tok.Word && !this.isKeywordWord(t.text);
  }

  /** An adjacent `.`, `[` or `(` continues a ref or call; with a space before it starts something else. */
  private isPostfix(t: Token = this.tok): boolean {
    return !t.spaceBefore && (t.kind === Tok.Dot || t.kind === Tok.LBrack || t.kind === Tok.LParen);
  }

  private describe(t: Token): string {
    switch (t.kind) {
      case Tok.EOF:
        return 'end of file';
      case Tok.String:
      case Tok.RawString:
        return 'string';
      case Tok.Number:
        return `number \`${t.text}\``;
      default:
        return `\`${t.text}\``;
    }
  }

  private fail(message: string, t: Token = this.tok): never {
    throw new RegoError('rego_parse_error', message, this.loc(t));
  }

  private failAt(message: string, loc: Location): never {
    throw new RegoError('rego_parse_error', message, loc);
  }

  private unexpected(expected: string, t: Token = this.tok): never {
    if (t.kind === Tok.EOF) this.fail(`unexpected end of file: expected ${expected}`, t);
    this.fail(`expected ${expected} but found ${this.describe(t)}`, t);
  }

  private expect(kind: Tok): Token {
    if (this.kind() !== kind) this.unexpected(`\`${tokText(kind)}\``);
    return this.next();
  }

  private expectKw(word: string): Token {
    if (!this.isKw(word)) this.unexpected(`\`${word}\``);
    return this.next();
  }

  /** Consumes the keyword if it comes next. */
  private acceptKw(word: string): boolean {
    if (!this.isKw(word)) return false;
    this.next();
    return true;
  }

  /**
   * Runs a speculative parse, returning undefined if it fails. Speculation is rationed per
   * statement so that nested failures cannot make parsing exponential.
   */
  private attempt<T>(run: () => T): T | undefined {
    const saved = this.save();
    try {
      return run();
    } catch (e) {
      if (!(e instanceof RegoError) || this.backtracks <= 0) throw e;
      this.backtracks--;
      this.restore(saved);
      return undefined;
    }
  }

  /** The identifier right after a `.` in a path; keywords are fine there, spaces are not. */
  private dotName(): Token {
    const w = this.tok;
    if (w.kind === Tok.Word && w.spaceBefore) this.fail('invalid whitespace between . and identifier', w);
    if (w.kind !== Tok.Word) this.unexpected('identifier after `.`');
    return this.next();
  }

  private save(): Saved {
    return { pos: this.pos, depth: this.depth };
  }

  private restore(s: Saved): void {
    this.pos = s.pos;
    this.depth = s.depth;
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting too deep (more than ${MAX_DEPTH} levels)`, t);
  }

  private leave(): void {
    this.depth--;
  }

  // ------------------------------------------------------------ entry points

  module(comments: Comment[]): Module {
    if (!this.isKw('package')) this.unexpected('`package`');
    const pkg = this.packageDecl();
    const imports: Import[] = [];
    const rules: Rule[] = [];
    for (;;) {
      if (this.kind() === Tok.Semicolon) this.next();
      else if (this.isKw('import')) imports.push(this.importDecl(imports));
      else break;
    }
    while (this.kind() !== Tok.EOF) {
      if (this.kind() === Tok.Semicolon) {
        this.next();
        continue;
      }
      // OPA reads statements in any order: an import after rules is still the module's import.
      if (this.isKw('import')) {
        imports.push(this.importDecl(imports));
        continue;
      }
      if (this.isKw('package')) this.fail('a module has exactly one `package` declaration');
      this.backtracks = BACKTRACK_BUDGET;
      for (const r of this.rule()) rules.push(r);
    }
    const module: Module = {
      file: this.file,
      package: pkg,
      imports,
      rules,
      annotations: [],
      regoVersion: this.version,
    };
    attachAnnotations(module, comments);
    return module;
  }

  query(): Query {
    if (this.kind() === Tok.EOF) this.fail('empty query');
    const body = this.body(Tok.EOF);
    return { body, loc: body[0]!.loc };
  }

  singleTerm(): Term {
    const t = this.expr(false);
    if (this.kind() !== Tok.EOF) this.unexpected('end of term');
    return t;
  }

  // ------------------------------------------------------------ package and imports

  private packageDecl(): Package {
    const kw = this.next();
    if (!this.isVarWord()) this.unexpected('package name');
    const path = [this.next().text];
    while (this.isPostfix()) {
      if (this.kind() === Tok.Dot) {
        this.next();
        path.push(this.dotName().text);
      } else if (this.kind() === Tok.LBrack) {
        this.next();
        const t = this.tok;
        if (t.kind !== Tok.String && t.kind !== Tok.RawString) this.fail('package path must contain only strings', t);
        path.push(this.next().text);
        this.expect(Tok.RBrack);
      } else {
        this.unexpected('end of package path');
      }
    }
    this.endOfStatement();
    return { path, loc: this.loc(kw) };
  }

  private importDecl(previous: Import[]): Import {
    const kw = this.next();
    const headTok = this.tok;
    if (headTok.kind !== Tok.Word) this.unexpected('import path');
    const root = headTok.text;
    if (root !== 'data' && root !== 'input' && root !== 'future' && root !== 'rego') {
      this.fail(`invalid import path \`${root}\`: import path must begin with one of data, input, future, rego`, headTok);
    }
    this.next();
    const head: VarTerm = { type: 'var', name: root, loc: this.loc(headTok) };
    const names: string[] = [];
    const path: Term[] = [];
    while (this.isPostfix()) {
      if (this.kind() === Tok.Dot) {
        this.next();
        const w = this.dotName();
        names.push(w.text);
        path.push({ type: 'scalar', value: w.text, loc: this.loc(w) });
      } else if (this.kind() === Tok.LBrack) {
        this.next();
        const s = this.tok;
        if (s.kind !== Tok.String && s.kind !== Tok.RawString) this.fail('import path must contain only strings', s);
        this.next();
        names.push(s.text);
        path.push({ type: 'scalar', value: s.text, loc: this.loc(s) });
        this.expect(Tok.RBrack);
      } else {
        this.unexpected('end of import path');
      }
    }
    let alias: string | undefined;
    if (this.acceptKw('as')) {
      if (!this.isVarWord()) this.unexpected('alias name');
      alias = this.next().text;
    }
    const imp: Import = {
      path: path.length === 0 ? head : { type: 'ref', head, path, loc: head.loc },
      loc: this.loc(kw),
      ...(alias !== undefined ? { alias } : {}),
    };
    this.applyImport(root, names, alias, headTok, previous);
    this.endOfStatement();
    return imp;
  }

  /** `future.keywords...` and `rego.v1` change how the rest of the module is read. */
  private applyImport(root: string, names: string[], alias: string | undefined, t: Token, previous: Import[]): void {
    const hasImport = (r: string, first?: string) =>
      previous.some((p) => {
        if (p.path.type === 'var') return false;
        const h = p.path.head;
        const f = p.path.path[0];
        return h.type === 'var' && h.name === r && (first === undefined || (f?.type === 'scalar' && f.value === first));
      });
    if (root === 'future') {
      if (names[0] !== 'keywords' || names.length > 2) this.fail('invalid import: only `future.keywords` can be imported from `future`', t);
      if (alias !== undefined) this.fail('`future` imports cannot be aliased', t);
      if (hasImport('rego', 'v1')) this.fail('this import shadows previous import: `rego.v1` implies `future.keywords`', t);
      if (names.length === 1) {
        for (const k of FUTURE_KEYWORDS) this.keywords.add(k);
      } else {
        const kw = names[1]!;
        if (!IMPORTABLE_KEYWORDS.includes(kw)) {
          this.fail(`unexpected keyword \`${kw}\`, must be one of ${IMPORTABLE_KEYWORDS.join(', ')}`, t);
        }
        if (kw === 'not') this.notBody = true;
        else this.keywords.add(kw);
        // `every x in xs` cannot be written without `in`.
        if (kw === 'every') this.keywords.add('in');
      }
    } else if (root === 'rego') {
      if (names.length !== 1 || (names[0] !== 'v1' && names[0] !== 'v2')) {
        this.fail('invalid import: only `rego.v1` or `rego.v2` can be imported from `rego`', t);
      }
      if (names[0] === 'v2') this.notBody = true;
      if (alias !== undefined) this.fail('`rego` imports cannot be aliased', t);
      if (this.version === 'v0' && hasImport('future', 'keywords')) {
        this.fail('this import shadows previous import: `rego.v1` implies `future.keywords`', t);
      }
      if (hasImport('rego')) this.fail('this import shadows previous import of `rego`', t);
      this.version = 'v1';
      for (const k of FUTURE_KEYWORDS) this.keywords.add(k);
    }
  }

  /** Statements end at a newline, a `;` or the end of the file. */
  private endOfStatement(): void {
    const t = this.tok;
    if (t.kind === Tok.EOF || t.newlineBefore || t.kind === Tok.Semicolon) return;
    this.unexpected('end of line');
  }

  // ------------------------------------------------------------ rules

  private rule(): Rule[] {
    const first = this.tok;
    const ruleLoc = this.loc(first);
    const isDefault = this.acceptKw('default');
    if (!this.isVarWord()) {
      if (this.kind() === Tok.Word) this.fail(`unexpected keyword \`${this.tok.text}\`: expected a rule name`);
      this.unexpected('rule name');
    }
    const { head, usesContains } = this.ruleHead(isDefault);

    if (isDefault) {
      this.checkDefault(head, ruleLoc);
      return [{ head, body: trueBody(ruleLoc), isDefault: true, annotations: [], loc: ruleLoc }];
    }

    const hasIf = this.isKw('if');
    if (this.version === 'v1' && !hasIf && this.kind() === Tok.LBrace) {
      this.failAt('`if` keyword is required before rule body', ruleLoc);
    }
    if (!usesContains && !head.args && head.ref.length === 2 && head.value === undefined && !hasIf) {
      // v0's `p[x] { ... }` builds a set; v1 requires `contains` for that.
      head.key = head.ref[1];
      head.ref = [head.ref[0]];
      head.multiValue = true;
      if (this.version === 'v1') this.failAt('`contains` keyword is required for partial set rules', ruleLoc);
    }

    let body: Body;
    if (hasIf) {
      this.next();
      body = this.ifBody();
    } else if (this.kind() === Tok.LBrace) {
      body = this.braceBody();
    } else {
      // A function head alone (`f(1)`) is a function that is true for those arguments, as in OPA,
      // whose v1 check refuses only rules with neither value nor body.
      if (this.version === 'v1' && !usesContains && head.value === undefined && !head.args) {
        this.failAt('rule must have a body or assignment (e.g. `p := true` or `p if { ... }`)', ruleLoc);
      }
      // Like OPA, a rule may be followed by another on the same line (`r["s"] p1 { ... }`).
      return [{ head, body: trueBody(ruleLoc), isDefault: false, annotations: [], loc: ruleLoc }];
    }

    const rule: Rule = { head, body, isDefault: false, annotations: [], loc: ruleLoc };
    if (this.isKw('else')) {
      if (head.multiValue) this.fail('else keyword cannot be used on multi-value rules');
      if (head.ref.slice(1).some((t) => !isGround(t))) {
        this.fail('else keyword cannot be used on rules with variables in head');
      }
      rule.else = this.elseRule(head);
    }
    const rules = [rule];
    // v0 allows several bodies for one head: `p { a } { b }`, one rule per body.
    while (this.kind() === Tok.LBrace) {
      if (rule.else) this.fail('expected `else` keyword');
      if (this.version === 'v1') this.fail('`if` keyword is required before rule body');
      const loc = this.loc();
      rules.push({ head: { ...head, loc }, body: this.braceBody(), isDefault: false, annotations: [], loc });
    }
    return rules;
  }

  private ruleHead(isDefault: boolean): { head: RuleHead; usesContains: boolean } {
    const nameTok = this.next();
    const headLoc = this.loc(nameTok);
    const ref: [VarTerm, ...Term[]] = [{ type: 'var', name: nameTok.text, loc: headLoc }];
    let args: Term[] | undefined;
    // Only the first suffix of a head may be separated by spaces (`f (x)`), as OPA allows.
    const t0 = this.tok;
    const spacedSuffix = t0.kind === Tok.LParen || t0.kind === Tok.LBrack || t0.kind === Tok.Dot;
    while (this.isPostfix() || (spacedSuffix && this.tok === t0 && !t0.newlineBefore)) {
      if (args) this.fail('a function head cannot be followed by a ref');
      const t = this.next();
      if (t.kind === Tok.Dot) {
        const w = this.dotName();
        ref.push({ type: 'scalar', value: w.text, loc: this.loc(w) });
      } else if (t.kind === Tok.LBrack) {
        this.enter(t);
        ref.push(this.expr(true));
        this.expect(Tok.RBrack);
        this.leave();
      } else {
        this.enter(t);
        args = this.termList(Tok.RParen);
        this.leave();
      }
    }
    const head: RuleHead = { ref, assign: false, multiValue: false, loc: headLoc };
    if (args) head.args = args;
    const name = ref.map((t, i) => (i === 0 ? (t as VarTerm).name : t.type === 'scalar' ? `.${String(t.value)}` : '[...]')).join('');

    if (this.isKw('contains')) {
      if (args) this.fail(`the \`contains\` keyword can only be used with multi-value rules (e.g. ${name} contains <VALUE> if { ... })`);
      if (isDefault) this.fail('`default` cannot be used with multi-value rules');
      this.next();
      head.key = this.expr(true);
      head.multiValue = true;
      return { head, usesContains: true };
    }
    if (this.kind() === Tok.Unify || this.kind() === Tok.Assign) {
      head.assign = this.next().kind === Tok.Assign;
      if (this.kind() === Tok.EOF) this.unexpected(`a value for rule \`${name}\``);
      head.value = this.expr(true);
    } else if (this.isOperator(this.tok)) {
      this.fail(`unexpected \`${this.tok.text}\` after rule head \`${name}\``);
    }
    return { head, usesContains: false };
  }

  private isOperator(t: Token): boolean {
    return (
      RELATION_OPS[t.kind] !== undefined ||
      ARITH_OPS[t.kind] !== undefined ||
      FACTOR_OPS[t.kind] !== undefined ||
      t.kind === Tok.And ||
      t.kind === Tok.Or
    );
  }

  private checkDefault(head: RuleHead, ruleLoc: Location): void {
    if (head.value === undefined) this.failAt('a default rule must have a value (e.g. `default p := false`)', ruleLoc);
    for (const a of head.args ?? []) {
      if (a.type !== 'var') this.failAt('illegal default function: arguments must be variables', a.loc);
    }
    const bad = firstNonConstant(head.value);
    if (bad) this.failAt(`illegal default rule: invalid \`${defaultKind(bad)}\` in default value`, ruleLoc);
    if (this.isKw('if') || this.kind() === Tok.LBrace) this.fail('a default rule cannot have a body');
  }

  /** After `if`: a `{ body }`, or a single literal (`p if x > 1`). */
  private ifBody(): Body {
    if (this.kind() === Tok.LBrace) {
      // `if { ... }` is usually a body, but may be a single object literal or set comprehension
      // expression; a set literal is never taken as an expression since it is always true.
      if (!this.mayBeSingleTerm()) return this.braceBody();
      const saved = this.save();
      const lit = this.attempt(() => this.literal());
      if (lit) {
        const isSet = lit.kind.type === 'term' && lit.kind.term.type === 'set';
        if (!isSet && this.atRuleEnd()) return [lit];
        this.restore(saved);
      }
      return this.braceBody();
    }
    return [this.literal()];
  }

  /** Cheap lookahead from a `{`: does a `:` or `|` come before the first literal ends? */
  private mayBeSingleTerm(): boolean {
    let depth = 0;
    for (let j = this.pos; j < this.toks.length; j++) {
      const t = this.toks[j]!;
      switch (t.kind) {
        case Tok.LBrace:
        case Tok.LBrack:
        case Tok.LParen:
          depth++;
          break;
        case Tok.RBrace:
        case Tok.RBrack:
        case Tok.RParen:
          depth--;
          if (depth === 0) return j === this.pos + 1;
          break;
        case Tok.Colon:
        case Tok.Or:
          if (depth === 1) return true;
          break;
        case Tok.Semicolon:
          if (depth === 1) return false;
          break;
        case Tok.EOF:
          return false;
      }
      if (depth === 1 && j > this.pos + 1 && t.newlineBefore) return false;
    }
    return false;
  }

  private atRuleEnd(): boolean {
    const t = this.tok;
    return t.kind === Tok.EOF || t.newlineBefore || t.kind === Tok.Semicolon || this.isKw('else');
  }

  private elseRule(head: RuleHead): Rule {
    const elseTok = this.next();
    const loc = this.loc(elseTok);
    const elseHead: RuleHead = { ref: head.ref, assign: false, multiValue: false, loc };
    if (head.args) elseHead.args = head.args;
    if (this.kind() === Tok.Unify || this.kind() === Tok.Assign) {
      elseHead.assign = this.next().kind === Tok.Assign;
      elseHead.value = this.expr(true);
    } else if (!this.isKw('if') && this.kind() !== Tok.LBrace) {
      this.unexpected('`:=`, `=`, `if` or `{` after `else`');
    }
    let body: Body;
    if (this.acceptKw('if')) {
      body = this.kind() === Tok.LBrace ? this.braceBody() : [this.literal()];
    } else if (this.kind() === Tok.LBrace) {
      if (this.version === 'v1') this.fail('`if` keyword is required before rule body');
      body = this.braceBody();
    } else {
      body = trueBody(loc);
    }
    const rule: Rule = { head: elseHead, body, isDefault: false, annotations: [], loc };
    if (this.isKw('else')) rule.else = this.elseRule(head);
    return rule;
  }

  // ------------------------------------------------------------ bodies and literals

  private braceBody(): Body {
    const open = this.expect(Tok.LBrace);
    this.enter(open);
    const body = this.body(Tok.RBrace);
    this.expect(Tok.RBrace);
    this.leave();
    return body;
  }

  /** Literals separated by `;` or line breaks, up to (not including) `end`. */
  private body(end: Tok): Body {
    if (this.kind() === end) this.fail(end === Tok.EOF ? 'empty query' : 'found empty body');
    const body: Body = [];
    for (;;) {
      body.push(this.literal());
      const t = this.tok;
      if (t.kind === Tok.Semicolon) {
        this.next();
        continue;
      }
      if (t.kind === end) return body;
      if (t.newlineBefore) continue;
      this.unexpected(end === Tok.EOF ? '`;` or a new line' : `\`;\`, a new line or \`${tokText(end)}\``);
    }
  }

  private literal(): Expr {
    const start = this.tok;
    const loc = this.loc(start);
    let negated = this.acceptKw('not');
    let kind: ExprKind;
    if (negated && this.notBody && this.kind() === Tok.LBrace) {
      // `not { body }` holds when the body has no solution: `[true | body] == []`, whose
      // comprehension sees the enclosing variables just as the negated body would.
      const body = this.braceBody();
      const truth: Term = { type: 'scalar', value: true, loc };
      const compr: Term = { type: 'arraycompr', term: truth, body, loc };
      kind = { type: 'term', term: this.call('equal', [compr, { type: 'array', items: [], loc }], loc) };
      negated = false;
    } else if (this.isKw('some')) {
      if (negated) this.fail('illegal negation of `some`');
      kind = this.someDecl();
    } else if (this.isKw('every')) {
      if (negated) this.fail('illegal negation of `every`');
      kind = this.everyExpr();
    } else {
      kind = this.exprKind();
    }
    const withs: With[] = [];
    while (this.isKw('with')) withs.push(this.withModifier());
    return { kind, negated, with: withs, loc };
  }

  private exprKind(): ExprKind {
    const left = this.expr(true);
    const t = this.tok;
    if (t.kind === Tok.Assign || t.kind === Tok.Unify) {
      this.next();
      const right = this.expr(true);
      return { type: t.kind === Tok.Assign ? 'assign' : 'unify', left, right };
    }
    return { type: 'term', term: left };
  }

  private someDecl(): ExprKind {
    this.next();
    const first = this.expr(false);
    if (this.isInCall(first, 2)) return { type: 'somein', value: first.args[0]!, collection: first.args[1]! };
    if (this.kind() === Tok.Comma) {
      this.next();
      const second = this.expr(false);
      if (this.isInCall(second, 2)) {
        return { type: 'somein', key: first, value: second.args[0]!, collection: second.args[1]! };
      }
      const vars = [this.someVar(first), this.someVar(second)];
      while (this.kind() === Tok.Comma) {
        this.next();
        vars.push(this.someVar(this.expr(false)));
      }
      return { type: 'some', vars };
    }
    return { type: 'some', vars: [this.someVar(first)] };
  }

  private someVar(t: Term): VarTerm {
    if (t.type !== 'var') this.failAt('expected a variable or `x in xs` after `some`', t.loc);
    return t;
  }

  private everyExpr(): ExprKind {
    this.next();
    const first = this.expr(false);
    let key: Term | undefined;
    let member: CallTerm;
    if (this.kind() === Tok.Comma) {
      this.next();
      const second = this.expr(false);
      if (!this.isInCall(second, 2)) this.failAt('expected `every x in xs { ... }` or `every k, v in xs { ... }`', second.loc);
      key = first;
      member = second;
    } else {
      if (!this.isInCall(first, 2)) this.failAt('expected `every x in xs { ... }` or `every k, v in xs { ... }`', first.loc);
      member = first;
    }
    const value = member.args[0]!;
    if (key && key.type !== 'var') this.failAt('expected key to be a variable', key.loc);
    if (value.type !== 'var') this.failAt('expected value to be a variable', value.loc);
    if (this.kind() !== Tok.LBrace) this.unexpected('`{` to start the body of `every`');
    const body = this.braceBody();
    return key ? { type: 'every', key, value, domain: member.args[1]!, body } : { type: 'every', value, domain: member.args[1]!, body };
  }

  private isInCall(t: Term, arity: number): t is CallTerm {
    return t.type === 'call' && this.inCalls.has(t) && t.args.length === arity;
  }

  private withModifier(): With {
    const kw = this.next();
    if (!this.isVarWord()) this.unexpected('a `with` target such as `input` or `data.x`');
    const target = this.term();
    if (target.type !== 'var' && target.type !== 'ref') this.failAt('expected a `with` target path', target.loc);
    this.expectKw('as');
    const value = this.expr(true);
    return { target, value, loc: this.loc(kw) };
  }

  // ------------------------------------------------------------ expressions by precedence

  /**
   * From loosest to tightest: `in`, comparisons, `|`, `&`, `+ -`, `* / %`. Each level takes an
   * optional already-parsed left operand, so collection literals can parse their first element
   * as a plain term (to spot comprehensions) and then carry on with operators.
   * keyVal admits `k, v in xs` where a comma cannot mean anything else.
   */
  private expr(keyVal: boolean, lhs?: Term): Term {
    let left = this.relation(lhs);
    if (keyVal && this.kind() === Tok.Comma) {
      // `k, v in xs`; if what follows the comma is not that, the comma belongs to the caller.
      const saved = this.save();
      this.next();
      const kv = this.attempt(() => {
        const mid = this.relation();
        this.expectKw('in');
        const right = this.relation();
        return this.call(MEMBER_3, [left, mid, right], left.loc);
      });
      if (kv) left = kv;
      else this.restore(saved);
    }
    while (this.isKw('in')) {
      this.next();
      const right = this.relation();
      left = this.call(MEMBER_2, [left, right], left.loc);
    }
    return left;
  }

  private call(name: string, args: Term[], loc: Location): CallTerm {
    const fn: RefTerm | VarTerm = name.startsWith('internal.')
      ? { type: 'ref', head: { type: 'var', name: 'internal', loc }, path: [{ type: 'scalar', value: name.slice(9), loc }], loc }
      : { type: 'var', name, loc };
    const c: CallTerm = { type: 'call', fn, args, loc };
    if (name === MEMBER_2 || name === MEMBER_3) this.inCalls.add(c);
    return c;
  }

  private relation(lhs?: Term): Term {
    return this.operators(0, lhs);
  }

  /** Left-associative binary operators of one precedence level and those binding tighter. */
  private operators(level: number, lhs?: Term): Term {
    const ops = BINARY_LEVELS[level];
    if (!ops) return lhs ?? this.term();
    let left = this.operators(level + 1, lhs);
    for (let op = ops[this.kind()]; op !== undefined; op = ops[this.kind()]) {
      this.next();
      left = this.call(op, [left, this.operators(level + 1)], left.loc);
    }
    return left;
  }

  // ------------------------------------------------------------ terms

  /** A primary term with its ref and call suffixes. */
  private term(): Term {
    const t = this.tok;
    let term: Term;
    switch (t.kind) {
      case Tok.Number:
        this.next();
        term = this.number(t.text, t);
        break;
      case Tok.Sub: {
        this.next();
        const n = this.tok;
        if (n.kind === Tok.Dot && this.isFraction()) {
          this.next();
          term = this.number(`-0.${this.next().text}`, t);
          break;
        }
        if (n.kind !== Tok.Number) this.fail('unary - can only be used with numeric literals', n);
        this.next();
        term = this.number(`-${n.text}`, t);
        break;
      }
      case Tok.Dot:
        // `.5` is a number, as in OPA.
        if (!this.isFraction()) this.unexpected('a term');
        this.next();
        term = this.number(`0.${this.next().text}`, t);
        break;
      case Tok.String:
      case Tok.RawString:
        this.next();
        term = { type: 'scalar', value: t.text, loc: this.loc(t) };
        break;
      case Tok.Word:
        // `contains` is a keyword only in rule heads; elsewhere it names the builtin.
        if (this.isKeywordWord(t.text) && t.text !== 'contains') {
          if (t.text === 'true' || t.text === 'false' || t.text === 'null') {
            this.next();
            term = { type: 'scalar', value: t.text === 'null' ? null : t.text === 'true', loc: this.loc(t) };
            break;
          }
          this.fail(`unexpected keyword \`${t.text}\``);
        }
        this.next();
        term = { type: 'var', name: t.text, loc: this.loc(t) };
        break;
      case Tok.LBrack:
        this.enter(t);
        term = this.array();
        this.leave();
        break;
      case Tok.LBrace:
        this.enter(t);
        term = this.setOrObject();
        this.leave();
        break;
      case Tok.LParen:
        this.enter(t);
        this.next();
        term = this.expr(true);
        this.expect(Tok.RParen);
        this.leave();
        break;
      default:
        this.unexpected('a term');
    }
    return this.isPostfix() ? this.postfix(term) : term;
  }

  /** At a `.` glued to digits (`.5`): a fraction without its leading zero. */
  private isFraction(): boolean {
    const n = this.toks[this.pos + 1];
    return n !== undefined && n.kind === Tok.Number && !n.spaceBefore && /^[0-9]+([eE][-+]?[0-9]+)?$/.test(n.text);
  }

    private number(text: string, t: Token): ScalarTerm {
    // Beyond float64 range a literal keeps its sign as an infinity rather than failing the module.
    const value = numberValue(text) ?? (Number(text) === Infinity || Number(text) === -Infinity ? Number(text) : undefined);
    if (value === undefined) this.fail(`number out of range: ${text}`, t);
    return { type: 'scalar', value, loc: this.loc(t) };
  }

  /** `.name`, `[term]` and `(args)` glued to a term: refs and calls. */
  private postfix(head: Term): Term {
    let cur = head;
    let ownRef: RefTerm | undefined;
    while (this.isPostfix()) {
      const t = this.next();
      if (t.kind === Tok.LParen) {
        if (cur.type !== 'var' && cur.type !== 'ref') this.fail(`illegal call: ${describeTerm(cur)} is not a function name`, t);
        this.enter(t);
        const args = this.termList(Tok.RParen);
        this.leave();
        if (cur.type === 'var' && cur.name === 'set' && args.length === 0) cur = { type: 'set', items: [], loc: cur.loc };
        else cur = { type: 'call', fn: cur, args, loc: cur.loc };
        ownRef = undefined;
        continue;
      }
      if (cur.type === 'scalar') this.fail(`illegal ref: a ${describeTerm(cur)} cannot be indexed`, t);
      let el: Term;
      if (t.kind === Tok.Dot) {
        const w = this.dotName();
        el = { type: 'scalar', value: w.text, loc: this.loc(w) };
      } else {
        this.enter(t);
        el = this.expr(true);
        this.expect(Tok.RBrack);
        this.leave();
      }
      if (ownRef) {
        ownRef.path.push(el);
      } else if (cur.type === 'ref') {
        ownRef = { type: 'ref', head: cur.head, path: [...cur.path, el], loc: cur.loc };
        cur = ownRef;
      } else {
        ownRef = { type: 'ref', head: cur, path: [el], loc: cur.loc };
        cur = ownRef;
      }
    }
    return cur;
  }

  /** Comma-separated expressions up to `end` (consumed); trailing comma allowed. */
  private termList(end: Tok): Term[] {
    const items: Term[] = [];
    if (this.kind() === end) {
      this.next();
      return items;
    }
    items.push(this.expr(false));
    return this.listRest(items, end, () => this.expr(false));
  }

  /** The rest of a comma-separated list whose first items are read, up to `end` (consumed). */
  private listRest<T>(items: T[], end: Tok, item: () => T): T[] {
    for (;;) {
      if (this.kind() === end) {
        this.next();
        return items;
      }
      if (this.kind() !== Tok.Comma) this.unexpected(`\`,\` or \`${tokText(end)}\``);
      this.next();
      if (this.kind() === end) {
        this.next();
        return items;
      }
      items.push(item());
    }
  }

  private pair(): [Term, Term] {
    const key = this.expr(false);
    this.expect(Tok.Colon);
    return [key, this.expr(false)];
  }

  /**
   * After `[` or `{`: the first term, and whether a comprehension may follow it; undefined when
   * the collection closes at once. A leading comma (`[, x]`) is tolerated but rules out a comprehension.
   */
  private collectionHead(end: Tok): { head: Term; mayBeComprehension: boolean } | undefined {
    if (this.kind() === end) {
      this.next();
      return undefined;
    }
    const mayBeComprehension = this.kind() !== Tok.Comma;
    if (!mayBeComprehension) this.next();
    return { head: this.term(), mayBeComprehension };
  }

  private array(): Term {
    const loc = this.loc(this.next());
    const start = this.collectionHead(Tok.RBrack);
    if (!start) return { type: 'array', items: [], loc };
    const { head, mayBeComprehension } = start;
    const body = this.comprehensionBody(Tok.RBrack, mayBeComprehension);
    if (body) return { type: 'arraycompr', term: head, body, loc };
    const items = this.listRest([this.expr(false, head)], Tok.RBrack, () => this.expr(false));
    return { type: 'array', items, loc };
  }

  private setOrObject(): Term {
    const loc = this.loc(this.next());
    const start = this.collectionHead(Tok.RBrace);
    if (!start) return { type: 'object', items: [], loc };
    const { head, mayBeComprehension } = start;
    const setBody = this.comprehensionBody(Tok.RBrace, mayBeComprehension);
    if (setBody) return { type: 'setcompr', term: head, body: setBody, loc };
    if (this.kind() === Tok.Colon) {
      this.next();
      const value = this.term();
      const body = this.comprehensionBody(Tok.RBrace, mayBeComprehension);
      if (body) return { type: 'objectcompr', key: head, value, body, loc };
      return { type: 'object', items: this.listRest([[head, this.expr(false, value)]], Tok.RBrace, () => this.pair()), loc };
    }
    const first = this.expr(false, head);
    if (this.kind() === Tok.Colon) {
      this.next();
      return { type: 'object', items: this.listRest([[first, this.expr(false)]], Tok.RBrace, () => this.pair()), loc };
    }
    return { type: 'set', items: this.listRest([first], Tok.RBrace, () => this.expr(false)), loc };
  }

  /**
   * After a head that allows one, `| body` and the closing bracket. If the body stops at a comma
   * (`[x | y, 5]`), the `|` was the or operator of a plain collection: undefined, position restored.
   */
  private comprehensionBody(end: Tok, allowed: boolean): Body | undefined {
    if (!allowed || this.kind() !== Tok.Or) return undefined;
    const saved = this.save();
    this.next();
    try {
      const body = this.body(end);
      this.expect(end);
      return body;
    } catch (e) {
      if (!(e instanceof RegoError) || this.kind() !== Tok.Comma || this.backtracks <= 0) throw e;
      this.backtracks--;
      this.restore(saved);
      return undefined;
    }
  }
}

function trueBody(loc: Location): Body {
  return [{ kind: { type: 'term', term: { type: 'scalar', value: true, loc } }, negated: false, with: [], loc }];
}

function isGround(t: Term): boolean {
  switch (t.type) {
    case 'scalar':
      return true;
    case 'array':
    case 'set':
      return t.items.every(isGround);
    case 'object':
      return t.items.every(([k, v]) => isGround(k) && isGround(v));
    default:
      return false;
  }
}

/** The first part of a default value that is not a constant, if any. */
function firstNonConstant(t: Term | undefined): Term | undefined {
  if (!t) return undefined;
  switch (t.type) {
    case 'scalar':
      return undefined;
    case 'array':
    case 'set':
      for (const i of t.items) {
        const bad = firstNonConstant(i);
        if (bad) return bad;
      }
      return undefined;
    case 'object':
      for (const [k, v] of t.items) {
        const bad = firstNonConstant(k) ?? firstNonConstant(v);
        if (bad) return bad;
      }
      return undefined;
    case 'arraycompr':
    case 'setcompr':
    case 'objectcompr':
      // Comprehensions are closures: their variables are their own.
      return undefined;
    default:
      return t;
  }
}

/** How a non-constant part of a default value is named in the error. */
function defaultKind(t: Term): string {
  if (t.type !== 'call') return describeTerm(t);
  const name = t.fn.type === 'var' ? t.fn.name : '';
  if (name === 'and' || name === 'or') return 'binexpr';
  if (RELATION_NAMES.has(name)) return 'boolexpr';
  if (ARITH_NAMES.has(name)) return 'arithexpr';
  return 'call';
}

const RELATION_NAMES = new Set(Object.values(RELATION_OPS));
const ARITH_NAMES = new Set([...Object.values(ARITH_OPS), ...Object.values(FACTOR_OPS)]);

function describeTerm(t: Term): string {
  switch (t.type) {
    case 'scalar':
      return t.value === null ? 'null' : typeof t.value === 'bigint' ? 'number' : typeof t.value;
    case 'var':
      return 'var';
    case 'ref':
      return 'ref';
    case 'call':
      return 'call';
    case 'arraycompr':
    case 'setcompr':
    case 'objectcompr':
      return 'comprehension';
    default:
      return t.type;
  }
}
