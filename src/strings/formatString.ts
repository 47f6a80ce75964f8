/** Fills a Flex template's `{{name}}` placeholders; unknown placeholders stay visible so a typo is noticed. */
export function formatString(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}
