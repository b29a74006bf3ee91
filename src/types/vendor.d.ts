// Types for the data table of @nodesecure/licenses-conformance, which ships none for this entry.
declare module '@nodesecure/licenses-conformance/src/spdx.js' {
  export const spdx: Readonly<
    Record<string, { name: string; id: string; deprecated: boolean; osi: boolean; fsf: boolean }>
  >;
}
