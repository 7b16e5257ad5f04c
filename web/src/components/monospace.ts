/** Input props for a text area holding JSON or CSV: monospace, no spell-check underlines. */
export const MONOSPACE_INPUT = {
  htmlInput: { spellCheck: false, style: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } },
} as const;
