// The builtin registry: every builtin family registers its array here, and the evaluator
// finds functions (operators included) only through this map.
import type { BuiltinDef } from './builtin.ts';
import { builtins as aggregates } from './aggregates.ts';
import { builtins as arrays } from './arrays.ts';
import { builtins as bits } from './bits.ts';
import { builtins as casts } from './casts.ts';
import { builtins as comparison } from './comparison.ts';
import { builtins as glob } from './glob.ts';
import { builtins as jsonPaths } from './json/json-paths.ts';
import { builtins as numbers } from './numbers/numbers.ts';
import { builtins as objects } from './objects.ts';
import { builtins as regex } from './regex/regex.ts';
import { builtins as sets } from './sets.ts';
import { builtins as sprintf } from './strings/sprintf.ts';
import { builtins as strings } from './strings/strings.ts';
import { builtins as types } from './types.ts';
import { builtins as encoding } from './encoding.ts';
import { builtins as units } from './units.ts';
import { builtins as semver } from './semver.ts';
import { builtins as net } from './net.ts';
import { builtins as uuid } from './uuid.ts';
import { builtins as graph } from './graph.ts';
import { builtins as crypto } from './crypto.ts';
import { builtins as runtime } from './runtime.ts';
import { builtins as time } from './time/time.ts';
import { builtins as jwt } from './jwt/jwt.ts';
import { builtins as x509 } from './x509/x509.ts';
import { builtins as jsonSchema } from './json/json-schema.ts';
import { builtins as template } from './template/template.ts';
import { builtins as unavailable } from './unavailable.ts';
import { builtins as regoAst } from './rego-ast/parse-module.ts';

const families: BuiltinDef[][] = [comparison, numbers, aggregates, bits, arrays, sets, objects, jsonPaths, types, casts, strings, sprintf, regex, glob, encoding, units, semver, net, uuid, graph, crypto, jwt, x509, jsonSchema, template, runtime, time, regoAst, unavailable];

export const registry: Map<string, BuiltinDef> = new Map(families.flat().map((b) => [b.name, b]));
