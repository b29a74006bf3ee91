import type { Inference, InferenceInput } from './inference.ts';

/** Infers components from conventional evidence. (Being written: see infer helper.) */
export async function inferRelease(input: InferenceInput): Promise<Inference> {
  return {
    model: { name: input.sourceRef },
    components: [],
    packLicense: null,
    citation: null,
    paperLinks: [],
  };
}
