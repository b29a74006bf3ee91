import type { InferenceInput } from '../inference.ts';

/** An InferenceInput over in-memory files that records every read (path and byte limit). */
export interface FakeInput extends InferenceInput {
  reads: Array<{ path: string; maxBytes?: number }>;
}

/**
 * Builds an inference input from `{ path: text }`; a value of `null` lists a binary file.
 *
 * @example
 * const input = fakeInput({ 'README.md': '# Model', 'model.safetensors': null });
 */
export function fakeInput(files: Record<string, string | null>, sourceRef = 'memory'): FakeInput {
  const reads: FakeInput['reads'] = [];
  return {
    sourceRef,
    reads,
    files: Object.entries(files)
      .map(([path, text]) => ({ path, size: text === null ? 1_000_000 : Buffer.byteLength(text) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
    async readText(path, maxBytes) {
      reads.push({ path, maxBytes });
      const text = files[path];
      if (text === undefined || text === null) return null;
      return maxBytes === undefined ? text : Buffer.from(text).subarray(0, maxBytes).toString('utf8');
    },
  };
}
