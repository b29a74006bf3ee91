export type { BadgeOptions } from './render-badge.ts';
export { badgeColour, escapeXml, renderBadge, textWidth } from './render-badge.ts';
export { renderJson } from './render-json.ts';
export { escapeMarkdown, renderMarkdown } from './render-markdown.ts';
export {
  LINKED_UNVERIFIED_RULE_ID,
  OPEN_WASHING_RULE_ID,
  renderSarif,
  SARIF_LEVEL_BY_RISK,
  SARIF_SCHEMA_URI,
} from './render-sarif.ts';
export type { TextOptions } from './render-text.ts';
export { renderText } from './render-text.ts';
export type { Fix } from './top-fixes.ts';
export { topFixes } from './top-fixes.ts';
