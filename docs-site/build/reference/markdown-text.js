/** Text for a Markdown table cell: one line, pipes escaped. */
export function cell(text) {
  return String(text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Inline code that survives backticks inside. */
export function code(text) {
  const value = String(text);
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}
