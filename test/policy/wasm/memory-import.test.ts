// Reading the declared limits of a module's imported memory from its binary.
import { describe, expect, it } from 'vitest';
import { memoryImportLimits } from '../../../src/policy/wasm/memory-import.ts';
import { abiModule } from './abi-modules.ts';

describe('memoryImportLimits', () => {
  it('reads the minimum, and the maximum when declared, past the function imports', async () => {
    expect(memoryImportLimits(await abiModule('findings'))).toEqual({ initial: 2 });
    expect(memoryImportLimits(await abiModule('findings', { memoryLimits: '17 300' }))).toEqual({ initial: 17, maximum: 300 });
  });

  it('finds none in a module without a memory import, or in truncated bytes', async () => {
    expect(memoryImportLimits(await abiModule('not-a-policy'))).toBeUndefined();
    const bytes = await abiModule('findings');
    expect(memoryImportLimits(bytes.subarray(0, 12))).toBeUndefined();
  });
});
