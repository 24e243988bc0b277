// Builtins OPA offers that routewise deliberately leaves out, because they would let a
// policy reach the network or the runtime environment; policy results must depend only on input.

export const UNAVAILABLE_BUILTINS: ReadonlySet<string> = new Set([
  // Network.
  'http.send',
  'net.lookup_ip_addr',
  // Environment variables, configuration and the OPA version of the running process.
  'opa.runtime',
]);

/** The compile error text for a call of an unavailable builtin. */
export function unavailableMessage(name: string): string {
  return `${name} is not available in routewise: policies cannot reach the network or the file system`;
}
