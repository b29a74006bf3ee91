/** The splits of a benchmark: public labels are released, private labels never leave the server. */
export const ITEM_SPLITS = ['public', 'private'] as const;

/** One of ITEM_SPLITS. */
export type ItemSplit = (typeof ITEM_SPLITS)[number];
