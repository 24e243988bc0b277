// Variable bindings: each rule body (with its closures) or query runs on one flat frame of
// slots; binding is an assignment, and undoing it on backtracking resets the slot.
import type { Value } from '../value.ts';

export type Frame = (Value | undefined)[];

/** Returned by direct term evaluation when the term has unbound variables to enumerate. */
export const ENUM: unique symbol = Symbol('enumerate');
export type Enum = typeof ENUM;

/** Memoized "no value" (null is a value, so it cannot mark absence). */
export const UNDEFINED: unique symbol = Symbol('undefined');
export type Undefined = typeof UNDEFINED;

/** A continuation; returning true stops the enumeration (a solution was enough). */
export type Cont = () => boolean;
export type ValueCont = (v: Value) => boolean;

export function newFrame(size: number): Frame {
  return new Array<Value | undefined>(size);
}
