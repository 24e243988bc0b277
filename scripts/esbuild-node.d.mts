// Types of the shared esbuild settings, for the TypeScript benchmarks that build with them.
import type { BuildOptions } from 'esbuild';

export declare const NODE_ESM_BUNDLE: BuildOptions;
