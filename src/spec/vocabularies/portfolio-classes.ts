/** The MOF classes a program portfolio counts; `none` for releases that meet no class. */
export const PORTFOLIO_CLASSES = ['I', 'II', 'III', 'none'] as const;

/** One of PORTFOLIO_CLASSES. */
export type PortfolioClass = (typeof PORTFOLIO_CLASSES)[number];
