import { ApiError } from '../http/api-error';
import {
  linkedProfileOf,
  normaliseIdentifier,
  parseSearchedIdentifier,
  parseTypedIdentifier,
  resolveIdentifiers,
  searchableTypesOf,
} from './identity';
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

describe('what agents may search by', () => {
  const searching = (identifiers: Parameters<typeof searchableTypesOf>[0], priority?: string[]) =>
    withSettingDefaults({ ...settings, identifierPriority: priority, searchableTypes: searchableTypesOf(identifiers) });
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'identifier_not_searchable' });
      return (error as ApiError).message;
    }
    throw new Error('expected identifier_not_searchable');
  };

  it('is email, phone, user_id and anonymous_id unless turned off, then the types turned on', () => {
    expect(searchableTypesOf()).toEqual(['email', 'phone', 'user_id', 'anonymous_id']);
    expect(
      searchableTypesOf({
        phone: { searchable: false },
        crm_id: { searchable: true },
        ga_client_id: { label: 'GA' },
        constructor: { searchable: true },
      }),
    ).toEqual(['email', 'user_id', 'anonymous_id', 'crm_id', 'constructor']);
  });

  it('refuses a type turned off, typed or guessed from a bare value, naming the types of the priority agents may use, as the search offers them', () => {
    const custom = searching({ email: { searchable: false }, crm_id: { searchable: true } }, [
      'email',
      'phone',
      'crm_id',
      'user_id',
    ]);
    expect(refusal(() => parseSearchedIdentifier('email:ana@example.com', custom))).toMatch(
      /^Agents do not search by email here .*: search by phone, user_id, crm_id\.$/,
    );
    expect(refusal(() => parseSearchedIdentifier('Ana@Example.com', custom))).toMatch(/by email/);
    expect(parseSearchedIdentifier('crm_id:C-1', custom).key).toBe('crm_id:c-1');
    expect(parseSearchedIdentifier('+1 415 555 0100', custom).key).toBe('phone:+14155550100');
  });

  it('refuses a type in the priority that is not turned on, and says when nothing is searchable', () => {
    const none = searching({ email: { searchable: false }, phone: { searchable: false } }, [
      'email',
      'phone',
      'ga_client_id',
    ]);
    expect(refusal(() => parseSearchedIdentifier('ga_client_id:ga1', none))).toMatch(
      /no identifier is searchable now\.$/,
    );
  });

  it('still refuses a type outside the priority as no identifier at all, and lets any type through when unset', () => {
    expect(invalidMessage(() => parseSearchedIdentifier('ssn:123', searching({})))).toMatch(/not one of/);
    expect(parseSearchedIdentifier('ga_client_id:ga1', settings).key).toBe('ga_client_id:ga1');
  });
});

describe('linkedProfileOf (taskAttributes.unified_profiles.link)', () => {
  const at = '2026-11-20T10:00:00.000Z';
  const withLink = (link: unknown, rest: Record<string, unknown> = {}) => ({ ...rest, unified_profiles: { link } });

  it('reads a link with a segment id: looked up by the use_ id, reported by its identifier', () => {
    const linked = linkedProfileOf(
      withLink({ segment_id: 'use_2Ana0Garcia', identifier: 'phone:+14155550100', linked_at: at, linked_by: 'agent' }),
      settings,
    );
    expect(linked).toEqual({
      link: { segment_id: 'use_2Ana0Garcia', identifier: 'phone:+14155550100', linked_at: at, linked_by: 'agent' },
      candidate: {
        type: 'phone',
        value: '+14155550100',
        pathId: 'use_2Ana0Garcia',
        key: 'use_2Ana0Garcia',
        segmentId: 'use_2Ana0Garcia',
      },
    });
  });

  it('without a segment id (absent, null or empty), looks up the identifier, normalised as a typed search', () => {
    for (const segmentId of [undefined, null, '']) {
      const linked = linkedProfileOf(
        withLink({ segment_id: segmentId, identifier: ' Email:Ana@Example.COM ', linked_at: at, linked_by: 'studio' }),
        settings,
      );
      expect(linked?.link).toEqual({ identifier: 'email:ana@example.com', linked_at: at, linked_by: 'studio' });
      expect(linked?.candidate).toEqual(parseTypedIdentifier('email:ana@example.com', settings));
      expect(linked?.candidate.segmentId).toBeUndefined();
    }
  });

  it('is absent when the task has no link', () => {
    expect(linkedProfileOf({ from: '+14155550100' }, settings)).toBeUndefined();
    expect(linkedProfileOf({ unified_profiles: {} }, settings)).toBeUndefined();
  });

  const good = { segment_id: 'use_2Ana0Garcia', identifier: 'phone:+14155550100', linked_at: at, linked_by: 'agent' };
  const caller = { from: '+447700900123' };
  it.each<[string, Record<string, unknown>]>([
    ['unified_profiles is a string', { ...caller, unified_profiles: 'use_2Ana0Garcia' }],
    ['the link is a string', withLink('phone:+14155550100', caller)],
    ['the link is an array', withLink([good], caller)],
    ['the link is null', withLink(null, caller)],
    ['segment_id is a number', withLink({ ...good, segment_id: 42 }, caller)],
    ['segment_id is not a use_ id', withLink({ ...good, segment_id: 'usr_2Ana' }, caller)],
    ['segment_id tries to climb the path', withLink({ ...good, segment_id: 'use_../../traits' }, caller)],
    ['segment_id is too long', withLink({ ...good, segment_id: `use_${'a'.repeat(65)}` }, caller)],
    ['identifier is missing', withLink({ ...good, identifier: undefined }, caller)],
    ['identifier is an object', withLink({ ...good, identifier: { type: 'phone', value: '+1415' } }, caller)],
    ['identifier does not parse', withLink({ ...good, identifier: 'user_id:../admin' }, caller)],
    ['identifier has a type not configured', withLink({ ...good, identifier: 'ssn:123' }, caller)],
    ['identifier is a placeholder', withLink({ ...good, identifier: 'user_id:null' }, caller)],
    ['identifier is too long', withLink({ ...good, identifier: `user_id:${'a'.repeat(600)}` }, caller)],
    ['linked_at is missing', withLink({ ...good, linked_at: undefined }, caller)],
    ['linked_at is a number', withLink({ ...good, linked_at: 1764000000000 }, caller)],
    ['linked_at is not an ISO time', withLink({ ...good, linked_at: 'yesterday' }, caller)],
    ['linked_at is an impossible date', withLink({ ...good, linked_at: '2026-13-45T10:00:00Z' }, caller)],
    ['linked_by is someone else', withLink({ ...good, linked_by: 'supervisor' }, caller)],
    ['linked_by is missing', withLink({ ...good, linked_by: undefined }, caller)],
  ])('is ignored, never thrown, when %s', (_label, attributes) => {
    expect(linkedProfileOf(attributes, settings)).toBeUndefined();
    // ... and the task's own identifiers still resolve as they always did.
    expect(keys(attributes)).toEqual(['phone:+447700900123']);
  });

  it('does not add the link to the identifiers the attributes resolve to', () => {
    expect(keys(withLink(good, { from: '+447700900123' }))).toEqual(['phone:+447700900123']);
  });
});
