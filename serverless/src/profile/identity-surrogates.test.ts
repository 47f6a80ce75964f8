import { ApiError } from '../http/api-error';
import { linkedProfileOf, normaliseIdentifier, parseTypedIdentifier, resolveIdentifiers } from './identity';
import { withSettingDefaults } from './settings';

/**
 * Half of a UTF-16 pair on its own (JSON "\ud800") is no character: encodeURIComponent throws
 * URIError on it, which was a 500. Every way an identifier is read answers invalid_identifier.
 */
const settings = withSettingDefaults({ profileApiUrl: 'http://segment.test', spaceId: 'spa_x', profileApiToken: 't' });

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected invalid_identifier');
}

describe('unpaired surrogates in identifiers', () => {
  it.each([
    ['user_id:a\ud800b'],
    ['user_id:\udc00'],
    ['email:ana\ud800@example.com'],
    ['ana\udbff@example.com'],
    ['anonymous_id:x\udfff'],
    ['user_id:ok\ud83d'], // the first half of an emoji, cut off
  ])('parseTypedIdentifier(%j) answers 400 invalid_identifier', (text) => {
    const error = refusal(() => parseTypedIdentifier(text, settings));
    expect(error).toMatchObject({ status: 400, code: 'invalid_identifier' });
    expect(error.message).toMatch(/unpaired UTF-16 surrogate/);
  });

  it('keeps a well-formed pair (an emoji) a valid identifier value', () => {
    const candidate = parseTypedIdentifier('user_id:fan\ud83d\ude00', settings);
    expect(candidate.value).toBe('fan😀');
    expect(candidate.pathId).toBe(`user_id:${encodeURIComponent('fan😀')}`);
  });

  it.each([
    ['email', 'a\ud800@x.com'],
    ['phone', '+1415555\ud8000100'],
    ['user_id', 'a\ud800'],
  ])('normaliseIdentifier(%s) refuses one, naming the field', (type, raw) => {
    const error = refusal(() => normaliseIdentifier(type, raw, `taskAttributes.${type}`, settings));
    expect(error).toMatchObject({ status: 400, code: 'invalid_identifier' });
    expect(error.message).toMatch(new RegExp(`^taskAttributes\\.${type} `));
  });

  it.each([
    [{ email: 'a\ud800@x.com' }],
    [{ user_id: 'a\ud800' }],
    [{ customers: { external_id: '\udfffid' } }],
    [{ pre_engagement_data: { email: 'b\ud800@x.com' } }],
  ])('resolveIdentifiers(%j) answers invalid_identifier when nothing else is usable', (attributes) => {
    expect(refusal(() => resolveIdentifiers(attributes, settings))).toMatchObject({ code: 'invalid_identifier' });
  });

  it('skips one in an address field or beside a usable identifier', () => {
    expect(resolveIdentifiers({ from: 'a\ud800@x.com' }, settings)).toEqual([]);
    const keys = resolveIdentifiers({ user_id: 'a\ud800', email: 'ana@example.com' }, settings).map((c) => c.key);
    expect(keys).toEqual(['email:ana@example.com']);
  });

  it('ignores a task link whose identifier holds one', () => {
    const link = { identifier: 'user_id:a\ud800', linked_at: '2024-05-01T10:00:00Z', linked_by: 'agent' };
    expect(linkedProfileOf({ unified_profiles: { link } }, settings)).toBeUndefined();
  });
});
