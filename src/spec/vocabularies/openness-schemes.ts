/** Openness rating schemes: the Model Openness Framework, the Open Source AI Index, Aperture's score. */
export const OPENNESS_SCHEMES = ['mof', 'osai', 'aperture'] as const;

/** One of OPENNESS_SCHEMES. */
export type OpennessScheme = (typeof OPENNESS_SCHEMES)[number];
