// rego.parse_module: a module's source as OPA's AST document, for policies that inspect policies.
import { RegoError, formatRegoError } from '../../errors.ts';
import { parseModule } from '../../parser.ts';
import type { Value } from '../../value.ts';
import { builtinError, type BuiltinDef } from '../builtin.ts';
import { stringOperand } from '../operands.ts';
import { moduleJson } from './module-json.ts';

function parse([f, t]: Value[]): Value {
  const file = stringOperand('rego.parse_module', 1, f!);
  const text = stringOperand('rego.parse_module', 2, t!);
  try {
    return moduleJson(parseModule(file, text, { regoVersion: 'v1' }));
  } catch (e) {
    if (e instanceof RegoError) throw builtinError('rego.parse_module', formatRegoError(e));
    if (e instanceof RangeError) throw builtinError('rego.parse_module', 'nesting too deep');
    throw e;
  }
}

export const builtins: BuiltinDef[] = [{ name: 'rego.parse_module', arity: 2, fn: parse }];
