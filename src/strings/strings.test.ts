import { EN_STRINGS, PluginStringKey } from './en';
import { ES_STRINGS } from './es';

/** Keys whose Spanish text is legitimately the English one: brand and product names, and "No". */
const SAME_IN_SPANISH: PluginStringKey[] = [
  'UnifiedProfilesNo',
  'UnifiedProfilesChannelSms',
  'UnifiedProfilesChannelWhatsApp',
  'UnifiedProfilesChannelMessenger',
  'UnifiedProfilesUnifyNavLabel',
  'UnifiedProfilesUnifyHeading',
  // "{{trait}}: {{value}}": punctuation only.
  'UnifiedProfilesHighlightTrait',
];

/** Names that are never translated: when the English text has one, the Spanish must too. */
const PRODUCT_NAMES = ['Segment', 'Flex', 'Unify', 'Studio', 'WhatsApp', 'SMS', 'Twilio'];

/** The placeholder names of a template, sorted, one entry per use. */
const placeholders = (template: string) =>
  Array.from(template.matchAll(/\{\{\s*(\w+)\s*\}\}/g), (match) => match[1]).sort();

const enKeys = Object.keys(EN_STRINGS) as PluginStringKey[];

describe('ES_STRINGS', () => {
  it('has exactly the keys of EN_STRINGS', () => {
    expect(Object.keys(ES_STRINGS).sort()).toEqual([...enKeys].sort());
  });

  it.each(enKeys)('%s uses the same placeholders as in English', (key) => {
    expect(placeholders(ES_STRINGS[key])).toEqual(placeholders(EN_STRINGS[key]));
  });

  it.each(enKeys)('%s is not empty', (key) => {
    expect(ES_STRINGS[key].trim()).not.toBe('');
  });

  it('translates every key except the allow-listed ones', () => {
    const untranslated = enKeys.filter((key) => !SAME_IN_SPANISH.includes(key) && ES_STRINGS[key] === EN_STRINGS[key]);
    expect(untranslated).toEqual([]);
  });

  it('allow-lists only keys that exist', () => {
    expect(SAME_IN_SPANISH.filter((key) => !(key in EN_STRINGS))).toEqual([]);
  });

  it.each(enKeys)('%s keeps the product names of the English text', (key) => {
    const names = (text: string) => PRODUCT_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
    expect(names(ES_STRINGS[key])).toEqual(expect.arrayContaining(names(EN_STRINGS[key])));
  });

  it('keeps the characters an identifier may not contain', () => {
    expect(ES_STRINGS.UnifiedProfilesSearchBadId).toContain('/ \\ ? # %');
  });
});
