import { ApiError } from '../http/api-error';
import { normaliseIdentifier, parseTypedIdentifier, resolveIdentifiers } from './identity';
import { withSettingDefaults } from './settings';

const settings = withSettingDefaults({ profileApiUrl: 'http://segment.test', spaceId: 'spa_x', profileApiToken: 't' });
const keys = (attributes: Record<string, unknown>, custom = settings) =>
  resolveIdentifiers(attributes, custom).map((candidate) => candidate.key);

function invalidMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).code).toBe('invalid_identifier');
    return (error as ApiError).message;
  }
  throw new Error('expected invalid_identifier');
}

describe('resolveIdentifiers by channel', () => {
  it('takes the caller of an inbound call, never the contact centre', () => {
    expect(keys({ direction: 'inbound', from: '+14155550100', to: '+18005550199', name: '+14155550100' })).toEqual([
      'phone:+14155550100',
    ]);
  });

  it('takes the dialled side of an outbound call', () => {
    expect(
      keys({ direction: 'outbound', from: '+18005550199', to: '+393471234567', outbound_to: '+393471234567' }),
    ).toEqual(['phone:+393471234567']);
    expect(keys({ direction: 'outbound-api', from: '+18005550199', to: '+393471234567' })).toEqual([
      'phone:+393471234567',
    ]);
  });

  it('strips whatsapp: and sms: prefixes', () => {
    expect(keys({ channelType: 'whatsapp', from: 'whatsapp:+447700900123' })).toEqual(['phone:+447700900123']);
    expect(keys({ channelType: 'sms', from: 'sms:+447700900123' })).toEqual(['phone:+447700900123']);
  });

  it('reads web chat pre-engagement email and ignores the friendly name', () => {
    expect(
      keys({
        channelType: 'web',
        from: 'Priya',
        name: 'Priya',
        pre_engagement_data: { friendlyName: 'Priya', email: ' Priya.Patel@Example.com ' },
      }),
    ).toEqual(['email:priya.patel@example.com']);
  });

  it("reads an email task's customerAddress", () => {
    expect(keys({ customerName: 'Marcus', customerAddress: 'Marcus.Johnson@example.org' })).toEqual([
      'email:marcus.johnson@example.org',
    ]);
  });

  it('reads Flex Insights customers and explicit ids, ordered by priority', () => {
    expect(
      keys({
        from: '+14155550100',
        anonymous_id: 'ANON-1',
        customers: { phone: '+14155550100', email: 'Ana@Example.com', external_id: 'USR_1' },
      }),
    ).toEqual(['user_id:usr_1', 'email:ana@example.com', 'phone:+14155550100', 'anonymous_id:anon-1']);
  });

  it('ignores client: and sip: callers and blocked values', () => {
    expect(keys({ from: 'client:alice' })).toEqual([]);
    expect(keys({ from: 'sip:alice@pbx.example.com' })).toEqual([]);
    expect(keys({ from: '+14155550100', customers: { external_id: '-1' }, user_id: 'null' })).toEqual([
      'phone:+14155550100',
    ]);
  });

  it('reports a bad explicit id only when nothing else is usable', () => {
    expect(invalidMessage(() => resolveIdentifiers({ user_id: '../admin' }, settings))).toMatch(
      /taskAttributes.user_id/,
    );
    expect(keys({ user_id: '../admin', from: '+14155550100' })).toEqual(['phone:+14155550100']);
  });

  it('drops types the configured priority does not list, and follows its order', () => {
    const phoneFirst = withSettingDefaults({ ...settings, identifierPriority: ['phone', 'email'] });
    expect(keys({ from: '+14155550100', user_id: 'u1', customers: { email: 'a@example.com' } }, phoneFirst)).toEqual([
      'phone:+14155550100',
      'email:a@example.com',
    ]);
  });
});

describe('normalisation and encoding', () => {
  it('writes phones in E.164, reading national formats with the default country', () => {
    expect(normaliseIdentifier('phone', '(415) 555-0100', 'f', settings).value).toBe('+14155550100');
    const uk = withSettingDefaults({ ...settings, defaultCountry: 'GB' });
    expect(normaliseIdentifier('phone', '07700 900123', 'f', uk).value).toBe('+447700900123');
  });

  it('encodes + as %2B and lower-cases other ids', () => {
    const phone = normaliseIdentifier('phone', '+1 415 555 0100', 'f', settings);
    expect(phone.pathId).toBe('phone:%2B14155550100');
    expect(normaliseIdentifier('user_id', 'USR_Ana', 'f', settings).pathId).toBe('user_id:usr_ana');
    expect(normaliseIdentifier('email', 'Ana+Tag@Example.com', 'f', settings).pathId).toBe(
      'email:ana%2Btag%40example.com',
    );
  });

  it('refuses anything that could change the request path', () => {
    for (const value of ['../x', 'a/b', 'a%2Fb', 'a?b', 'a#b', 'a\\b']) {
      expect(invalidMessage(() => normaliseIdentifier('user_id', value, 'identifier', settings))).toMatch(/'\/'/);
    }
  });

  it('refuses placeholders', () => {
    for (const value of ['0000', '-1', 'null', 'Anonymous', '--']) {
      expect(invalidMessage(() => normaliseIdentifier('user_id', value, 'identifier', settings))).toMatch(
        /placeholder/,
      );
    }
  });
});

describe('parseTypedIdentifier', () => {
  it.each([
    ['email:Ana@Example.com', 'email:ana@example.com'],
    ['user_id:abc', 'user_id:abc'],
    ['phone:+1 415 555 0100', 'phone:+14155550100'],
    ['whatsapp:+447700900123', 'phone:+447700900123'],
    ['Ana.Garcia@Example.com', 'email:ana.garcia@example.com'],
    ['+1 (415) 555-0100', 'phone:+14155550100'],
    ['415 555 0100', 'phone:+14155550100'],
    ['ANONYMOUS_ID:anon-7f3c2a9e-priya', 'anonymous_id:anon-7f3c2a9e-priya'],
  ])('%s → %s', (typed, key) => {
    expect(parseTypedIdentifier(typed, settings).key).toBe(key);
  });

  it('names the configured types when the type is unknown', () => {
    expect(invalidMessage(() => parseTypedIdentifier('ssn:123', settings))).toMatch(/'ssn'.*user_id, email, phone/);
  });

  it('accepts a custom type only when the priority list allows it', () => {
    const custom = withSettingDefaults({ ...settings, identifierPriority: ['user_id', 'salesforce_id'] });
    expect(parseTypedIdentifier('salesforce_id:003ABC', custom).key).toBe('salesforce_id:003abc');
    expect(invalidMessage(() => parseTypedIdentifier('email:a@example.com', custom))).toMatch(/not one of/);
  });
});
