// strings.render_template: renders Go text/template source with an object of variables as its data,
// parsing each template text once per evaluation.
import type { BuiltinContext, BuiltinDef } from '../builtin.ts';
import { builtinError } from '../builtin.ts';
import { TemplateExecError, executeTemplate } from './go-template-exec.ts';
import { TemplateSyntaxError, parseTemplate } from './go-template-parse.ts';
import type { TemplateNode } from './go-template-parse.ts';
import { objectOperand, stringOperand } from '../operands.ts';

const NAME = 'strings.render_template';

type Parsed = { nodes: TemplateNode[] } | { error: string };

function parsed(ctx: BuiltinContext, src: string): Parsed {
  const key = 'go-template\0' + src;
  let p = ctx.cache.get(key) as Parsed | undefined;
  if (!p) {
    try {
      p = { nodes: parseTemplate(src) };
    } catch (e) {
      if (!(e instanceof TemplateSyntaxError)) throw e;
      p = { error: e.message };
    }
    ctx.cache.set(key, p);
  }
  return p;
}

export const builtins: BuiltinDef[] = [
  {
    name: NAME,
    arity: 2,
    fn: ([template, vars], ctx) => {
      const src = stringOperand(NAME, 1, template!);
      const data = objectOperand(NAME, 2, vars!);
      const p = parsed(ctx, src);
      if ('error' in p) throw builtinError(NAME, p.error);
      try {
        return executeTemplate(src, p.nodes, data, undefined, ctx.work && ((n) => ctx.work!(n)));
      } catch (e) {
        if (e instanceof TemplateExecError) throw builtinError(NAME, e.message);
        throw e;
      }
    },
  },
];
