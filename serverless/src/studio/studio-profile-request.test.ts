import { withSettingDefaults } from '../profile/settings';
import { studioCandidates, studioProfileRequestSchema } from './studio-profile-request';

const settings = withSettingDefaults({ spaceId: 'spa_x', profileApiToken: 't' });
const parse = (body: Record<string, unknown>) => studioProfileRequestSchema.safeParse(body);

describe('what /studio-profile reads', () => {
  it('takes a field sent twice as an error (form parsers make it a list)', () => {
    const parsed = parse({ From: ['+14155550100', '+14155550101'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/From must be sent once/);
  });

  it('reads blank fields as absent, and ignores fields it does not know', () => {
    expect(parse({ From: '+14155550100', email: ' ', CallSid: 'CA1' }).data).toEqual({ From: '+14155550100' });
  });

  it('looks up a typed identifier alone, else email before phone, at most two', () => {
    expect(
      studioCandidates({ identifier: 'user_id:abc', From: '+14155550100' }, settings).map(({ key }) => key),
    ).toEqual(['user_id:abc']);
    expect(
      studioCandidates({ From: 'whatsapp:+14155550100', email: 'Ana@Example.com' }, settings).map(({ key }) => key),
    ).toEqual(['email:ana@example.com', 'phone:+14155550100']);
  });

  it('has nothing to look up for a caller who names no customer', () => {
    expect(studioCandidates({ From: 'client:anna' }, settings)).toEqual([]);
    expect(studioCandidates({ From: 'sip:anna@pbx.example.com' }, settings)).toEqual([]);
  });
});
