// The esbuild settings every routewise bundle shares: one ESM file for Node 20 with its
// dependencies inlined. Some bundled CommonJS packages call require() for Node built-ins,
// so the banner gives the ESM output a require of its own.
export const NODE_ESM_BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __rwCreateRequire } from 'node:module'; const require = __rwCreateRequire(import.meta.url);" },
};
