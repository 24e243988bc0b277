// regorus cases whose authors mark them as disagreeing with OPA. routewise follows OPA, so each
// is checked against OPA's result instead, with the reason it differs.
export interface OpaDifference {
  /** Why OPA gives another result: the place in OPA's source that decides it. */
  evidence: string;
  want_result: unknown;
}

export const OPA_DIFFERENCES: Record<string, OpaDifference> = {
  'negation/tests.yaml: not-more-undefined-OPA-INCOMPATIBLE': {
    evidence:
      "v1/ast/compile.go, stage RewriteDynamicTerms: in `not [p]` the ref p inside the array is bound to a variable in an expression of its own (rewriteDynamicsOne), which is not negated, so q3's body fails on the undefined p; q4 is then `not q3`, true.",
    want_result: { q1: true, q4: true },
  },
};
