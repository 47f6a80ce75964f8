import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intlCache';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/** Milliseconds since the epoch, or NaN for a time Segment sent empty or malformed. */
const timeOf = (iso: string | number) => (typeof iso === 'number' ? iso : Date.parse(iso));

/** What an unreadable time shows: one event with a bad timestamp must not break the panel. */
const UNKNOWN_TIME = '—';

/** "3 days ago", "in 2 hours", "now": the largest whole unit, in the agent's locale. */
export function formatRelativeTime(iso: string | number, now: number, locale?: string): string {
  const time = timeOf(iso);
  if (Number.isNaN(time)) return UNKNOWN_TIME;
  const format = relativeTimeFormat(locale, { numeric: 'auto' });
  const elapsed = time - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.trunc(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/** The exact moment, for hover and focus: "Nov 26, 2026, 3:04 PM". */
export function formatDateExact(iso: string | number, locale?: string): string {
  if (Number.isNaN(timeOf(iso))) return UNKNOWN_TIME;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string | number, locale?: string): string {
  if (Number.isNaN(timeOf(iso))) return UNKNOWN_TIME;
  return dateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTimeOfDay(iso: string | number, locale?: string): string {
  if (Number.isNaN(timeOf(iso))) return UNKNOWN_TIME;
  return dateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
}

/** A duration in seconds as "4 min 05 s" or "1 h 02 min": short enough for a timeline line. */
export function formatDuration(seconds: number, locale?: string): string {
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
  if (minutes > 0) return `${unit(minutes, 'minute')} ${unit(whole % 60, 'second')}`;
  return unit(whole, 'second');
}

/** The calendar day of a moment in the agent's time zone, for grouping a timeline by day. */
export function localDayKey(iso: string | number): string {
  if (Number.isNaN(timeOf(iso))) return 'unknown';
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}
