/** Short words that read as letters, not as a word. */
const ACRONYMS = new Set(['id', 'ltv', 'url', 'sms', 'vip', 'nps', 'csat', 'ga', 'idfa']);

/** `first_name` → `First name`, `predicted_ltv` → `Predicted LTV`: trait keys as an agent reads them. */
export function humanizeTraitKey(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
