// Reads Go text/template source into a tree: the subset policies use with strings.render_template
// (fields, variables, if/else, range, with, pipelines, functions), with Go's trim markers and errors.

/** A template that does not parse; the message reads as Go's `template: NAME:LINE: ...`. */
export class TemplateSyntaxError extends Error {}

/** Where a node starts in the source, and its text for error messages. */
export interface Span {
  pos: number;
  text: string;
}

export type Operand =
  | (Span & { kind: 'dot' })
  | (Span & { kind: 'nil' })
  | (Span & { kind: 'bool'; value: boolean })
  | (Span & { kind: 'string'; value: string })
  | (Span & { kind: 'number'; value: bigint | number; float: boolean })
  | (Span & { kind: 'func'; name: string })
  /** `.a.b`; the path is never empty. */
  | (Span & { kind: 'field'; path: string[] })
  /** `$x.a.b`; `$` alone names the data the template runs on. */
  | (Span & { kind: 'var'; name: string; path: string[] })
  /** `(pipeline).a.b`; the path may be empty. */
  | (Span & { kind: 'pipe'; pipe: Pipe; path: string[] });

export interface Command extends Span {
  args: Operand[];
}

export interface Pipe extends Span {
  /** Variables the pipeline declares (`:=`) or assigns (`=`). */
  decl: string[];
  assign: boolean;
  cmds: Command[];
}

/** if, with or range: a body run for a value, and what runs otherwise. */
export interface BranchNode extends Span {
  kind: 'if' | 'with' | 'range';
  pipe: Pipe;
  list: TemplateNode[];
  elseList: TemplateNode[] | undefined;
}

export type TemplateNode =
  | { kind: 'text'; text: string }
  | (Span & { kind: 'action'; pipe: Pipe })
  | BranchNode
  | (Span & { kind: 'break' | 'continue' });

export const TEMPLATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'len',
  'index',
  'printf',
  'print',
  'println',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
]);

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block', 'nil', 'true', 'false']);

type TokenType =
  | 'text'
  | 'open'
  | 'close'
  | 'space'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'declare'
  | 'assign'
  | 'string'
  | 'char'
  | 'number'
  | 'dot'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'eof'
  | 'error';

interface Token {
  type: TokenType;
  value: string;
  pos: number;
  line: number;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{Nd}_]/u.test(c);

/** Splits the source into text and action tokens; the first error ends the stream. */
function lex(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const emit = (type: TokenType, start: number, value = src.slice(start, i)): void => {
    tokens.push({ type, value, pos: start, line });
    line += countLines(src.slice(start, i));
  };
  const fail = (message: string): Token[] => {
    tokens.push({ type: 'error', value: message, pos: i, line });
    return tokens;
  };
  /** Moves past a quoted literal with backslash escapes at i; false if it ends before its line does. */
  const skipQuoted = (quote: string): boolean => {
    i++;
    while (src[i] !== quote) {
      if (i >= src.length || src[i] === '\n') return false;
      if (src[i] === '\\') i++;
      i++;
    }
    i++;
    return true;
  };
  let trimNext = false;
  while (i < src.length) {
    // Text up to the next action.
    let open = src.indexOf('{{', i);
    if (open < 0) open = src.length;
    let text = src.slice(i, open);
    const trimBefore = open < src.length && src[open + 2] === '-' && isSpace(src[open + 3]);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    if (trimBefore) text = text.replace(/[ \t\r\n]+$/, '');
    if (text.length > 0) tokens.push({ type: 'text', value: text, pos: i, line });
    line += countLines(src.slice(i, open));
    i = open;
    trimNext = false;
    if (i >= src.length) break;
    const start = i;
    i += trimBefore ? 4 : 2;
    if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) return fail('unclosed comment');
      i = end + 2;
      if (isSpace(src[i]) && src.startsWith('-}}', i + 1)) {
        trimNext = true;
        i += 4;
      } else if (src.startsWith('}}', i)) {
        i += 2;
      } else {
        return fail('comment ends before closing delimiter');
      }
      line += countLines(src.slice(start, i));
      continue;
    }
    emit('open', start);
    // Inside an action.
    for (;;) {
      if (i >= src.length) return fail('unclosed action');
      const c = src[i]!;
      if (isSpace(c) && src.startsWith('-}}', i + 1)) {
        const s = i;
        i += 4;
        emit('close', s);
        trimNext = true;
        break;
      }
      if (src.startsWith('}}', i)) {
        const s = i;
        i += 2;
        emit('close', s);
        break;
      }
      const s = i;
      if (isSpace(c)) {
        while (isSpace(src[i]) && !(src.startsWith('-}}', i + 1) && isSpace(src[i]))) i++;
        if (i === s) i++;
        emit('space', s);
      } else if (c === '|') {
        i++;
        emit('pipe', s);
      } else if (c === '(') {
        i++;
        emit('lparen', s);
      } else if (c === ')') {
        i++;
        emit('rparen', s);
      } else if (c === ',') {
        i++;
        emit('comma', s);
      } else if (c === ':') {
        if (src[i + 1] !== '=') return fail('expected :=');
        i += 2;
        emit('declare', s);
      } else if (c === '=') {
        i++;
        emit('assign', s);
      } else if (c === '"') {
        if (!skipQuoted('"')) return fail('unterminated quoted string');
        emit('string', s);
      } else if (c === '`') {
        const end = src.indexOf('`', i + 1);
        if (end < 0) return fail('unterminated raw quoted string');
        i = end + 1;
        emit('string', s);
      } else if (c === "'") {
        if (!skipQuoted("'")) return fail('unterminated character constant');
        emit('char', s);
      } else if (c === '$') {
        i++;
        while (isAlnum(src[i])) i++;
        emit('variable', s);
      } else if (c === '.' && !(src[i + 1]! >= '0' && src[i + 1]! <= '9')) {
        i++;
        if (!isAlnum(src[i])) {
          emit('dot', s);
        } else {
          while (isAlnum(src[i])) i++;
          emit('field', s);
        }
      } else if (c === '.' || c === '+' || c === '-' || (c >= '0' && c <= '9')) {
        i++;
        while (/[0-9a-zA-Z_.+\-]/.test(src[i] ?? '') && !(/[+\-]/.test(src[i]!) && !/[eEpP]/.test(src[i - 1]!))) i++;
        if (isAlnum(src[i])) return fail(`bad number syntax: "${src.slice(s, i + 1)}"`);
        emit('number', s);
      } else if (isAlnum(c)) {
        while (isAlnum(src[i])) i++;
        const word = src.slice(s, i);
        emit(KEYWORDS.has(word) ? 'keyword' : 'identifier', s);
      } else {
        const cp = c.codePointAt(0)!;
        return fail(`bad character U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(cp)}'`);
      }
    }
  }
  tokens.push({ type: 'eof', value: '', pos: src.length, line });
  return tokens;
}

function countLines(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

/** How Go's parser names a token in "unexpected ..." messages. */
function describe(t: Token): string {
  switch (t.type) {
    case 'eof':
      return 'EOF';
    case 'keyword':
      return `<${t.value}>`;
    case 'space':
      return 'space';
    case 'close':
      return `"${t.value.trim()}"`;
    default:
      return t.value.length > 10 ? `${JSON.stringify(t.value.slice(0, 10))}...` : JSON.stringify(t.value);
  }
}

type ListEnd = { kind: 'end' | 'eof' } | { kind: 'else'; token: Token; chain: 'if' | 'with' | undefined };

/** Parses a whole template; throws TemplateSyntaxError with Go's message. */
export function parseTemplate(src: string, name = 'template'): TemplateNode[] {
  const tokens = lex(src);
  let k = 0;
  const vars: string[][] = [['$']];
  let rangeDepth = 0;

  const fail = (t: Token, message: string): never => {
    throw new TemplateSyntaxError(`template: ${name}:${t.line}: ${message}`);
  };
  const peek = (): Token => tokens[k]!;
  const next = (): Token => {
    const t = tokens[k]!;
    if (t.type === 'error') fail(t, t.value);
    if (t.type !== 'eof') k++;
    return t;
  };
  const skipSpace = (): void => {
    while (peek().type === 'space') k++;
  };
  const nextNonSpace = (): Token => {
    skipSpace();
    return next();
  };
  const peekNonSpace = (): Token => {
    skipSpace();
    const t = peek();
    if (t.type === 'error') fail(t, t.value);
    return t;
  };
  const expectClose = (context: string): Token => {
    const t = nextNonSpace();
    if (t.type !== 'close') fail(t, `unexpected ${describe(t)} in ${context}`);
    return t;
  };
  const known = (v: string): boolean => vars.some((scope) => scope.includes(v));

  function list(): { nodes: TemplateNode[]; end: ListEnd } {
    const nodes: TemplateNode[] = [];
    for (;;) {
      const t = next();
      if (t.type === 'eof') return { nodes, end: { kind: 'eof' } };
      if (t.type === 'text') {
        nodes.push({ kind: 'text', text: t.value });
        continue;
      }
      // An action.
      const first = peekNonSpace();
      if (first.type === 'keyword') {
        switch (first.value) {
          case 'end':
            nextNonSpace();
            expectClose('end');
            return { nodes, end: { kind: 'end' } };
          case 'else': {
            nextNonSpace();
            const after = peekNonSpace();
            if (after.type === 'keyword' && (after.value === 'if' || after.value === 'with')) {
              return { nodes, end: { kind: 'else', token: first, chain: after.value } };
            }
            expectClose('else');
            return { nodes, end: { kind: 'else', token: first, chain: undefined } };
          }
          case 'if':
          case 'with':
          case 'range':
            nextNonSpace();
            nodes.push(control(first.value, first));
            continue;
          case 'break':
          case 'continue':
            nextNonSpace();
            if (rangeDepth === 0) fail(first, `{{${first.value}}} outside {{range}}`);
            expectClose(first.value);
            nodes.push({ kind: first.value, pos: first.pos, text: first.value });
            continue;
          case 'define':
          case 'template':
          case 'block':
            fail(first, `{{${first.value}}} is not supported`);
        }
      }
      const pipe = pipeline('command', 'close');
      nodes.push({ kind: 'action', pos: pipe.pos, text: pipe.text, pipe });
    }
  }

  /** if / with / range after its keyword, through its {{end}}. */
  function control(kind: 'if' | 'with' | 'range', keyword: Token): TemplateNode {
    vars.push([]);
    const pipe = pipeline(kind, 'close');
    if (kind === 'range') rangeDepth++;
    const body = list();
    if (kind === 'range') rangeDepth--;
    let elseList: TemplateNode[] | undefined;
    let end = body.end;
    if (end.kind === 'else') {
      if (end.chain !== undefined) {
        // `{{else if x}}` is shorthand for `{{else}}{{if x}}...{{end}}{{end}}`: the chained
        // node consumes the shared {{end}}.
        const chainToken = nextNonSpace();
        elseList = [control(end.chain, chainToken)];
        end = { kind: 'end' };
      } else {
        const rest = list();
        elseList = rest.nodes;
        end = rest.end;
        if (end.kind === 'else') fail(end.token, 'expected end; found {{else}}');
      }
    }
    if (end.kind === 'eof') fail(tokens[tokens.length - 1]!, 'unexpected EOF');
    vars.pop();
    return { kind, pos: keyword.pos, text: kind, pipe, list: body.nodes, elseList };
  }

  function pipeline(context: string, end: 'close' | 'rparen'): Pipe {
    const startTok = peekNonSpace();
    const pipe: Pipe = { pos: startTok.pos, text: '', decl: [], assign: false, cmds: [] };
    declarations: for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      const save = k;
      next();
      const after = peekNonSpace();
      if (after.type === 'declare' || after.type === 'assign') {
        next();
        pipe.assign = after.type === 'assign';
        if (pipe.assign && !known(v.value)) fail(v, `undefined variable "${v.value}"`);
        pipe.decl.push(v.value);
        if (!pipe.assign) vars[vars.length - 1]!.push(v.value);
        break;
      }
      if (after.type === 'comma') {
        next();
        pipe.decl.push(v.value);
        vars[vars.length - 1]!.push(v.value);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = peekNonSpace();
          if (t.type === 'variable') continue declarations;
          fail(t, 'range can only initialize variables');
        }
        fail(after, `too many declarations in ${context}`);
      }
      k = save;
      break;
    }
    for (;;) {
      const t = peekNonSpace();
      if (t.type === end) {
        next();
        if (pipe.cmds.length === 0) fail(t, `missing value for ${context}`);
        pipe.cmds.forEach((c, n) => {
          const head = c.args[0]!;
          if (n > 0 && (head.kind === 'bool' || head.kind === 'dot' || head.kind === 'nil' || head.kind === 'number' || head.kind === 'string')) {
            fail(t, `non executable command in pipeline stage ${n + 1}`);
          }
        });
        pipe.text = pipe.cmds.map((c) => c.text).join(' | ');
        if (pipe.decl.length > 0) pipe.text = `${pipe.decl.join(', ')} ${pipe.assign ? '=' : ':='} ${pipe.text}`;
        return pipe;
      }
      switch (t.type) {
        case 'char':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'string':
        case 'variable':
        case 'lparen':
          pipe.cmds.push(command(context));
          break;
        case 'keyword':
          if (t.value === 'nil' || t.value === 'true' || t.value === 'false') {
            pipe.cmds.push(command(context));
            break;
          }
          return fail(t, `unexpected ${describe(t)} in ${context}`);
        default:
          return fail(t, `unexpected ${describe(t)} in ${context}`);
      }
    }
  }

  function command(context: string): Command {
    const args: Operand[] = [];
    const pos = peekNonSpace().pos;
    for (;;) {
      skipSpace();
      const op = operand();
      if (op) args.push(op);
      const t = peek();
      if (t.type === 'space') continue;
      if (t.type === 'close' || t.type === 'rparen') break;
      if (t.type === 'pipe') {
        next();
        break;
      }
      if (t.type === 'error') fail(t, t.value);
      fail(t, `unexpected ${describe(t)} in operand`);
    }
    if (args.length === 0) fail(peek(), `empty command in ${context}`);
    return { pos, text: args.map((a) => a.text).join(' '), args };
  }

  function operand(): Operand | undefined {
    const t = term();
    if (!t || peek().type !== 'field') return t;
    const path: string[] = [];
    let text = t.text;
    while (peek().type === 'field') {
      const f = next();
      path.push(f.value.slice(1));
      text += f.value;
    }
    switch (t.kind) {
      case 'field':
        return { ...t, path: [...t.path, ...path], text };
      case 'var':
        return { ...t, path: [...t.path, ...path], text };
      case 'pipe':
        return { ...t, path: [...t.path, ...path], text };
      default:
        return fail(peek(), `unexpected . after term ${JSON.stringify(t.text)}`);
    }
  }

  function term(): Operand | undefined {
    const t = peek();
    const span = { pos: t.pos, text: t.value };
    switch (t.type) {
      case 'identifier':
        next();
        if (!TEMPLATE_FUNCTIONS.has(t.value)) fail(t, `function ${JSON.stringify(t.value)} not defined`);
        return { ...span, kind: 'func', name: t.value };
      case 'dot':
        next();
        return { ...span, kind: 'dot' };
      case 'field':
        next();
        return { ...span, kind: 'field', path: [t.value.slice(1)] };
      case 'variable':
        next();
        if (!known(t.value)) fail(t, `undefined variable ${JSON.stringify(t.value)}`);
        return { ...span, kind: 'var', name: t.value, path: [] };
      case 'keyword':
        if (t.value === 'nil') {
          next();
          return { ...span, kind: 'nil' };
        }
        if (t.value === 'true' || t.value === 'false') {
          next();
          return { ...span, kind: 'bool', value: t.value === 'true' };
        }
        return undefined;
      case 'number':
        next();
        return { ...span, kind: 'number', ...parseNumber(t, fail) };
      case 'char':
        next();
        return { ...span, kind: 'number', value: BigInt(unquote(t, fail).codePointAt(0) ?? 0), float: false };
      case 'string':
        next();
        return { ...span, kind: 'string', value: unquote(t, fail) };
      case 'lparen': {
        next();
        const pipe = pipeline('parenthesized pipeline', 'rparen');
        return { pos: t.pos, text: `(${pipe.text})`, kind: 'pipe', pipe, path: [] };
      }
      default:
        return undefined;
    }
  }

  const { nodes, end } = list();
  if (end.kind === 'end') fail(tokens[k - 1]!, 'unexpected {{end}}');
  if (end.kind === 'else') fail(end.token, 'unexpected {{else}}');
  return nodes;
}

/** A Go number literal: integers (decimal, 0x, 0o, 0b, legacy octal) exactly, anything with a fraction or exponent as float64. */
function parseNumber(t: Token, fail: (t: Token, m: string) => never): { value: bigint | number; float: boolean } {
  const raw = t.value.replace(/_/g, '');
  const neg = raw.startsWith('-');
  const body = raw.replace(/^[+-]/, '');
  const bad = (): never => fail(t, `illegal number syntax: ${JSON.stringify(t.value)}`);
  if (/^0[xX][0-9a-fA-F]+$/.test(body) || /^0[bB][01]+$/.test(body) || /^0[oO][0-7]+$/.test(body)) {
    const n = BigInt(body.replace(/^0[oO]/, '0o'));
    return { value: neg ? -n : n, float: false };
  }
  if (/^0[0-7]+$/.test(body)) {
    const n = BigInt('0o' + body.slice(1));
    return { value: neg ? -n : n, float: false };
  }
  if (/^[0-9]+$/.test(body)) {
    const n = BigInt(body);
    return { value: neg ? -n : n, float: false };
  }
  if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(body)) {
    const x = Number(body);
    return { value: neg ? -x : x, float: true };
  }
  return bad();
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** The value of a Go string, raw string or rune literal. */
function unquote(t: Token, fail: (t: Token, m: string) => never): string {
  const lit = t.value;
  if (lit.startsWith('`')) return lit.slice(1, -1).replace(/\r/g, '');
  const quote = lit[0]!;
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e !== undefined && e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e === quote) out += e;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) fail(t, 'invalid syntax');
      const cp = parseInt(hex, 16);
      if (e === 'x') out += Buffer.from([cp]).toString('latin1');
      else if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) fail(t, 'invalid syntax');
      else out += String.fromCodePoint(cp);
      i += n;
    } else if (e !== undefined && e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) fail(t, 'invalid syntax');
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      fail(t, 'invalid syntax');
    }
  }
  if (quote === "'" && [...out].length !== 1) fail(t, `malformed character constant: ${lit}`);
  return out;
}
