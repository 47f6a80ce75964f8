import { ApiError } from '../http/api-error';
import { DEFAULT_IDENTIFIER_PRIORITY } from '../profile/settings';
import { traitValueOf, writableTraitsOf } from './writable-traits';

const IDENTIFIERS = [...DEFAULT_IDENTIFIER_PRIORITY];
const allowed = (list: string | undefined) =>
  writableTraitsOf({ UNIFIED_PROFILES_STUDIO_WRITABLE_TRAITS: list }, IDENTIFIERS);

describe('UNIFIED_PROFILES_STUDIO_WRITABLE_TRAITS', () => {
  it('reads name or name:type, string by default, and allows none when unset or blank', () => {
    expect([...allowed(' preferred_name , nps:number,callback:boolean, next_visit:date,').values()]).toEqual([
      { name: 'preferred_name', kind: 'string' },
      { name: 'nps', kind: 'number' },
      { name: 'callback', kind: 'boolean' },
      { name: 'next_visit', kind: 'date' },
    ]);
    expect(allowed(undefined).size).toBe(0);
    expect(allowed('  ').size).toBe(0);
  });

  it.each([
    ['user_id', /identifier/],
    ['userId', /identifier/],
    ['anonymous_id', /identifier/],
    ['email', /identifier/],
    ['Phone', /identifier/],
    ['ga_client_id', /identifier/],
    ['preferred name', /not a trait name/],
    ['a:b:c', /not a trait name/],
    ['nps:integer', /types are/],
  ])('refuses %s as a whole (503 not_configured), so the mistake is seen', (list, message) => {
    let error: unknown;
    try {
      allowed(`preferred_name,${list}`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'not_configured' });
    expect((error as Error).message).toMatch(message);
  });
});

describe('a trait’s value', () => {
  const of = (kind: 'string' | 'number' | 'boolean' | 'date', raw: string) => traitValueOf({ name: 't', kind }, raw);

  it.each<[Parameters<typeof of>[0], string, unknown]>([
    ['string', '  Ana  ', 'Ana'],
    ['number', '42', 42],
    ['number', '-4.5', -4.5],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['date', '2026-11-20', '2026-11-20'],
    ['date', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z'],
  ])('%s %p → %p', (kind, raw, value) => {
    expect(of(kind, raw)).toEqual(value);
  });

  it.each<[Parameters<typeof of>[0], string]>([
    ['string', ''],
    ['string', '   '],
    ['string', 'x'.repeat(257)],
    ['string', 'bell\u0007'],
    ['number', 'forty'],
    ['number', '1e9'],
    ['number', 'Infinity'],
    ['boolean', 'yes'],
    ['date', 'tomorrow'],
    ['date', '2026-13-45'],
  ])('%s %p → 400 invalid_trait', (kind, raw) => {
    expect(() => of(kind, raw)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_trait' }));
  });
});
