import type { Translate } from '../../shared/PluginProviders';
import { EN_STRINGS } from '../../strings/en';
import { ES_STRINGS } from '../../strings/es';
import { formatString } from '../../strings/formatString';
import { layoutSummary } from './layoutSummary';

const t: Translate = (key, values) => formatString(EN_STRINGS[key], values);

describe('layoutSummary', () => {
  it('says "Default layout" when nothing is set', () => {
    expect(layoutSummary(undefined, t)).toBe('Default layout');
    expect(layoutSummary({}, t)).toBe('Default layout');
  });

  it('sums a layout up in one line, counting in the singular and plural', () => {
    expect(
      layoutSummary(
        {
          header: { nameTraits: ['first_name', 'last_name'] },
          traitGroups: [
            { title: 'Billing', traits: ['plan'] },
            { title: 'Contact', traits: ['email_opt_in'] },
          ],
          historyEvents: [{ event: 'Order Completed' }, { event: 'Ticket Opened' }, { event: 'Signed Up' }],
          identifiers: { email: { label: 'Work email' } },
        },
        t,
      ),
    ).toBe('Name from first_name last_name · 2 trait groups · 3 history events · 1 identifier renamed');
  });

  it('names the header traits and counts only identifier settings that differ from the defaults', () => {
    expect(
      layoutSummary(
        {
          header: { secondaryTrait: 'plan', avatarTrait: 'avatar_url' },
          traitGroups: [{ title: 'Billing', traits: ['plan'] }],
          identifiers: {
            email: { searchable: true, taskAttributes: ['account_email'] },
            phone: { searchable: false, taskAttributes: ['caller'] },
            ga_client_id: { searchable: true },
          },
        },
        t,
      ),
    ).toBe(
      'Line under the name from plan · Picture from avatar_url · 1 trait group · Search changed for 2 identifiers · Task attributes for 2 identifiers',
    );
  });

  it('reads in the agent’s language', () => {
    const es: Translate = (key, values) => formatString(ES_STRINGS[key], values);
    expect(layoutSummary({ historyEvents: [{ event: 'Order Completed' }] }, es)).toBe('1 evento del historial');
  });
});
