// A typed view of the runtime's WebAssembly object, limited to what loading an OPA policy uses
// (the project compiles without the DOM library, which is where TypeScript declares it).

export type WasmExportValue = ((...args: number[]) => number) | WasmGlobal | WasmMemory | object;

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface WasmGlobal {
  value: number | bigint;
}

export interface WasmModule {
  readonly __brand?: 'WasmModule';
}

export interface WasmInstance {
  readonly exports: Record<string, WasmExportValue>;
}

export interface WasmDescriptor {
  module: string;
  name: string;
  kind: 'function' | 'table' | 'memory' | 'global' | 'tag';
}

export interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: Record<string, Record<string, unknown>>): Promise<WasmInstance>;
  Module: {
    exports(module: WasmModule): { name: string; kind: WasmDescriptor['kind'] }[];
    imports(module: WasmModule): WasmDescriptor[];
  };
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
  Global: new (descriptor: { value: string; mutable?: boolean }, value: number) => WasmGlobal;
}

export const wasmApi: WasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
