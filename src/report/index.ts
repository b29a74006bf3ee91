export { renderJson } from './render-json.ts';
export type { TextOptions } from './render-text.ts';
export { renderText } from './render-text.ts';
export type { Fix } from './top-fixes.ts';
export { topFixes } from './top-fixes.ts';
