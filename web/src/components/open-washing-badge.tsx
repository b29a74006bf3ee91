/**
 * The open-washing marker of a checked release that calls itself open source while withholding what that
 * takes: a word with a colour (the word alone carries the meaning), the reason as its tooltip.
 *
 * @example
 * {model.openWashing && <OpenWashingBadge reason={model.openWashingReason} />}
 */
export function OpenWashingBadge({ reason }: { reason: string | null }) {
  return (
    <span className="badge badge-closed" title={reason ?? undefined} data-testid="open-washing-badge">
      Open-washing
    </span>
  );
}
