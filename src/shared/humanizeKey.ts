/** Short words that read as letters, not as a word. */
const ACRONYMS = new Set(['id', 'ltv', 'url', 'sms', 'vip', 'nps', 'csat', 'ga', 'idfa']);
/** Words with their own casing. */
const PROPER_WORDS: Record<string, string> = { ios: 'iOS' };

/** `first_name` → `First name`, `predicted_ltv` → `Predicted LTV`: trait keys as an agent reads them. */
export function humanizeTraitKey(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/);
  return words
    .map((word, index) => {
      // Own keys only: a trait named `constructor` is a word, not Object's constructor.
      if (Object.prototype.hasOwnProperty.call(PROPER_WORDS, word)) return PROPER_WORDS[word];
      if (ACRONYMS.has(word)) return word.toUpperCase();
      return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
}
