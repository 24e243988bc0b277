import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../../src/rego/builtins/template/template.ts';
import { SetValue } from '../../../../src/rego/value.ts';
import { caller, makeContext } from '../call-builtin.ts';

const call = caller(builtins);
const render = (template: string, vars: Record<string, unknown> = {}) => call('strings.render_template', template, vars);

/** The message of the builtin failure rendering throws. */
function failure(template: string, vars: Record<string, unknown> = {}): string {
  try {
    render(template, vars);
  } catch (e) {
    expect(e).toBeInstanceOf(BuiltinFailure);
    return (e as Error).message;
  }
  throw new Error(`rendered ${JSON.stringify(template)} without failing`);
}

describe('strings.render_template: values', () => {
  it('prints fields and nested fields of the variables', () => {
    expect(render('{{.test}}', { test: 'hello world' })).toBe('hello world');
    expect(render('{{.test}}', { test: 2023 })).toBe('2023');
    expect(render('model {{.route.model}} in {{.route.region}}', { route: { model: 'gpt', region: 'eu' } })).toBe('model gpt in eu');
  });

  it('prints missing keys and nulls as OPA does, also under missing parents', () => {
    expect(render('test {{.foo}} {{.bar}} {{.baz}}', { baz: 1 })).toBe('test <undefined> <undefined> 1');
    expect(render('{{.a.b.c}}|{{.n}}', { n: null })).toBe('<undefined>|<undefined>');
  });

  it('prints composite values as Go prints decoded JSON', () => {
    expect(render('{{.l}} {{.o}} {{.s}}', { l: [1, 'x', null, true], o: { b: [2], a: { c: 'd' } }, s: SetValue.from([2, 1]) })).toBe(
      '[1 x <nil> true] map[a:map[c:d] b:[2]] [1 2]',
    );
    expect(render('{{.}}', { k: 'v' })).toBe('map[k:v]');
    expect(render('{{.f}} {{.big}}', { f: 1.5, big: 2n ** 70n })).toBe('1.5 1180591620717411303424');
  });

  it('prints literals as Go values', () => {
    expect(render(`{{"a\\tb"}}|{{\`raw\\n\`}}|{{'a'}}|{{0x1F}}|{{-7}}|{{1e3}}|{{2.50}}|{{true}}`)).toBe('a\tb|raw\\n|97|31|-7|1000|2.5|true');
  });
});

describe('strings.render_template: control structures', () => {
  it('chooses branches with if, else if and else', () => {
    const t = '{{if eq .env "prod"}}P{{else if eq .env "dev"}}D{{else}}O{{end}}';
    expect(render(t, { env: 'prod' })).toBe('P');
    expect(render(t, { env: 'dev' })).toBe('D');
    expect(render(t, { env: 'test' })).toBe('O');
  });

  it('judges truth as Go does: empty and missing are false, data numbers are text and so true', () => {
    const t = '{{if .v}}T{{else}}F{{end}}';
    const truth = (v: unknown) => render(t, v === undefined ? {} : { v });
    expect([undefined, null, false, '', [], {}].map(truth).join('')).toBe('FFFFFF');
    expect([true, 'x', [0], { a: 1 }, 0].map(truth).join('')).toBe('TTTTT');
    expect(render('{{if 0}}T{{else}}F{{end}}{{if 2}}T{{end}}')).toBe('FT');
  });

  it('ranges over arrays with index and element, joining as policies do', () => {
    const t = '{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}';
    expect(render(t, { hellonames: ['rohan', 'john doe'] })).toBe('hello rohan,hello john doe');
    expect(render('{{range .l}}[{{.}}]{{end}}', { l: ['a', 'b'] })).toBe('[a][b]');
    expect(render('{{range $v := .l}}{{$v}};{{end}}', { l: [1, 2] })).toBe('1;2;');
  });

  it('ranges over objects in key order', () => {
    expect(render('{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}', { m: { b: 2, a: 1, c: 3 } })).toBe('a=1;b=2;c=3;');
    expect(render('{{range .m}}{{.}}{{end}}', { m: { y: 'Y', x: 'X' } })).toBe('XY');
  });

  it('runs else of range for empty and missing collections', () => {
    const t = '{{range .l}}x{{else}}empty{{end}}';
    expect(render(t, { l: [] })).toBe('empty');
    expect(render(t, { l: {} })).toBe('empty');
    expect(render(t, {})).toBe('empty');
  });

  it('stops or skips iterations with break and continue', () => {
    const t = '{{range $i, $e := .l}}{{if eq $i 0}}{{continue}}{{end}}{{if eq $e "c"}}{{break}}{{end}}{{$e}}{{end}}';
    expect(render(t, { l: ['a', 'b', 'c', 'd'] })).toBe('b');
  });

  it('sets dot with with, and falls back to else', () => {
    const t = '{{with .owner}}{{.name}} <{{.email}}>{{else}}nobody{{end}}';
    expect(render(t, { owner: { name: 'Ann', email: 'ann@example.com' } })).toBe('Ann <ann@example.com>');
    expect(render(t, {})).toBe('nobody');
  });

  it('declares and assigns variables, scoped to their block', () => {
    expect(render('{{$x := .a}}{{$x}}{{$x = "two"}}{{$x}}', { a: 1 })).toBe('1two');
    expect(render('{{range .l}}{{$.title}}:{{.}} {{end}}', { title: 'T', l: [1, 2] })).toBe('T:1 T:2 ');
    expect(failure('{{if true}}{{$y := 1}}{{end}}{{$y}}')).toContain('undefined variable "$y"');
  });

  it('trims whitespace next to trim markers, and drops comments', () => {
    expect(render('a  {{- .v -}}  b', { v: 1 })).toBe('a1b');
    expect(render('list:\n{{- range .l}}\n  - {{.}}\n{{- end}}\n', { l: ['x', 'y'] })).toBe('list:\n  - x\n  - y\n');
    expect(render('a {{/* note */}}b {{- /* gone */ -}} c')).toBe('a bc');
    // Without the space the dash is a sign.
    expect(render('{{-3}} {{- 3}}')).toBe('-33');
  });
});

describe('strings.render_template: functions and pipelines', () => {
  it('compares with eq, ne, lt, le, gt and ge', () => {
    const vars = { n: 3, s: 'b' };
    expect(render('{{eq .n 3}} {{ne .n 3}} {{lt .n 4}} {{le .n 3}} {{gt .n 3}} {{ge .n 3}}', vars)).toBe('true false true true false true');
    expect(render('{{lt .s "c"}} {{gt .s "a"}} {{eq .s "a" "b"}} {{eq .missing .none}}', vars)).toBe('true true true true');
    // Data numbers are json.Number in OPA, equal to their text.
    expect(render('{{eq .n "3"}}', vars)).toBe('true');
  });

  it('combines truth with and, or and not, returning the deciding value', () => {
    expect(render('{{and .a .b}}|{{or .b .a}}|{{not .b}}|{{and .a 0}}|{{or .b ""}}', { a: 'A', b: '' })).toBe('|A|true|0|');
  });

  it('measures with len and looks up with index', () => {
    const vars = { l: ['a', 'b'], m: { k: 'v' }, s: 'héllo' };
    expect(render('{{len .l}} {{len .m}} {{len .s}} {{index .l 1}} {{index .m "k"}} {{index .m "x"}}', vars)).toBe('2 1 6 b v <undefined>');
    expect(render('{{index .n 0 "a"}}', { n: [{ a: 'deep' }] })).toBe('deep');
  });

  it('formats with printf and print', () => {
    const vars = { s: 'str', n: 3, f: 1.25 };
    expect(render('{{printf "%s-%d-%05.1f-%q" .s 42 2.5 .s}}', vars)).toBe('str-42-002.5-"str"');
    // Data numbers reach fmt as json.Number, which prints as its text.
    expect(render('{{printf "%v %s" .n .f}}', vars)).toBe('3 1.25');
    expect(render('{{print 1 2 "a" "b"}}|{{println "x" 1}}')).toBe('1 2ab|x 1\n');
  });

  it('passes each stage of a pipeline as the last argument of the next', () => {
    expect(render('{{.s | printf "%s!" | printf "<%s>"}}', { s: 'hi' })).toBe('<hi!>');
    expect(render('{{.l | len | eq 2}}', { l: [1, 2] })).toBe('true');
    expect(render('{{if and (gt (len .l) 1) (eq (index .l 0) "a")}}yes{{end}}', { l: ['a', 'b'] })).toBe('yes');
    expect(render('{{(index .l 0).name}}', { l: [{ name: 'n' }] })).toBe('n');
  });
});

describe('strings.render_template: errors', () => {
  it('fails to parse with Go messages naming the line', () => {
    expect(failure('{{.a')).toBe('strings.render_template: template: template:1: unclosed action');
    expect(failure('ok\n{{if .a}}x')).toBe('strings.render_template: template: template:2: unexpected EOF');
    expect(failure('{{end}}')).toBe('strings.render_template: template: template:1: unexpected {{end}}');
    expect(failure('{{else}}')).toBe('strings.render_template: template: template:1: unexpected {{else}}');
    expect(failure('a\nb\n{{upper .a}}')).toBe('strings.render_template: template: template:3: function "upper" not defined');
    expect(failure('{{$y}}')).toBe('strings.render_template: template: template:1: undefined variable "$y"');
    expect(failure('{{}}')).toBe('strings.render_template: template: template:1: missing value for command');
    expect(failure('{{if}}{{end}}')).toBe('strings.render_template: template: template:1: missing value for if');
    expect(failure('{{break}}')).toBe('strings.render_template: template: template:1: {{break}} outside {{range}}');
    expect(failure('{{"abc}}')).toBe('strings.render_template: template: template:1: unterminated quoted string');
    expect(failure('{{/* open')).toBe('strings.render_template: template: template:1: unclosed comment');
    expect(failure('{{.a # }}')).toBe("strings.render_template: template: template:1: bad character U+0023 '#'");
    expect(failure('{{.a | "x"}}')).toBe('strings.render_template: template: template:1: non executable command in pipeline stage 2');
    expect(failure('{{template "x"}}')).toContain('{{template}} is not supported');
  });

  it('fails while rendering with Go messages naming line, column and expression', () => {
    expect(failure('{{.a.b}}', { a: null })).toBe(
      'strings.render_template: template: template:1:2: executing "template" at <.a.b>: nil pointer evaluating interface {}.b',
    );
    expect(failure('x\n  {{.a.b}}', { a: 'text' })).toBe(
      'strings.render_template: template: template:2:4: executing "template" at <.a.b>: can\'t evaluate field b in type interface {}',
    );
    expect(failure('{{index .l 5}}', { l: [] })).toBe(
      'strings.render_template: template: template:1:2: executing "template" at <index .l 5>: error calling index: index out of range: 5',
    );
    expect(failure('{{lt .a "x"}}', { a: true })).toContain('error calling lt: incompatible types for comparison');
    expect(failure('{{lt .a .b}}', { a: [1], b: [2] })).toContain('error calling lt: invalid type for comparison');
    expect(failure('{{eq .a}}', { a: 1 })).toContain('error calling eq: missing argument for comparison');
    expect(failure('{{not 1 2}}')).toContain('wrong number of args for not: want 1 got 2');
    expect(failure('{{len .b}}', { b: true })).toContain('error calling len: len of type bool');
    expect(failure('{{"x" 1}}')).toContain('can\'t give argument to non-function "x"');
    expect(failure('{{nil}}')).toContain('nil is not a command');
    expect(failure('{{.a 1}}', { a: {} })).toContain('a is not a method but has arguments');
    expect(failure('{{range .s}}{{end}}', { s: 'abc' })).toContain("range can't iterate over abc");
    expect(failure('{{printf 1}}')).toContain('error calling printf: wrong type for value; expected string; got int');
  });

  it('truncates long expressions in messages as Go does', () => {
    expect(failure('{{index .list_of_things 99}}', { list_of_things: [] })).toContain('at <index .list_of_thing...>');
  });

  it('refuses a template that is not a string or variables that are not an object', () => {
    expect(() => call('strings.render_template', 1, {})).toThrow(BuiltinTypeError);
    expect(() => call('strings.render_template', '{{.a}}', [1])).toThrow('strings.render_template: operand 2 must be object but got array');
  });

  it('parses each template once per evaluation', () => {
    const ctx = makeContext();
    const inCtx = caller(builtins, ctx);
    expect(inCtx('strings.render_template', 'hi {{.n}}', { n: 1 })).toBe('hi 1');
    expect(inCtx('strings.render_template', 'hi {{.n}}', { n: 2 })).toBe('hi 2');
    expect([...ctx.cache.keys()].filter((k) => k.startsWith('go-template'))).toHaveLength(1);
  });
});
