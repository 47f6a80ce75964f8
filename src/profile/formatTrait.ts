import type { TraitValue } from '../../serverless/src/profile/types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Short words that read as letters, not as a word. */
const ACRONYMS = new Set(['id', 'ltv', 'url', 'sms', 'vip', 'nps', 'csat']);

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

/** A trait value as text in the agent's locale: numbers grouped, ISO dates as dates, lists joined. */
export function formatTraitValue(value: TraitValue, locale?: string): string {
  if (value === null) return '—';
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string') {
    if (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(value));
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => formatTraitValue(item as TraitValue, locale)).join(', ');
  return JSON.stringify(value);
}
