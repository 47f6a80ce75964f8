import { readConfigDocument } from './config-document';
import { customerTabWrite } from './customer-tab-layout';

/** A saved layout read back from Sync: a damaged one must not cost agents their Customer tab. */
describe('a stored Customer tab layout', () => {
  it('reads back as saved, empty parts dropped', () => {
    const layout = {
      header: { secondaryTrait: 'plan' },
      traitGroups: [],
      historyEvents: [{ event: 'Order Completed' }],
    };
    expect(readConfigDocument({ customerTab: layout }).customerTab).toEqual({
      header: { secondaryTrait: 'plan' },
      historyEvents: [{ event: 'Order Completed' }],
    });
  });

  it.each([
    ['not an object', 'Billing'],
    ['an unknown part', { footer: {} }],
    ['a bad trait name', { traitGroups: [{ title: 'A', traits: ['a b'] }] }],
  ])('reads as no layout when %s, and keeps the rest of the document', (_, damaged) => {
    const document = readConfigDocument({ customerTab: damaged, spaceId: 'spa_1', highlightedTraits: ['plan'] });
    expect(document.customerTab).toBeNull();
    expect(document.highlightedTraits).toEqual(['plan']);
  });

  it('reads as no layout when the document predates it', () => {
    expect(readConfigDocument({ spaceId: 'spa_1' }).customerTab).toBeNull();
  });
});

/** Where a write's fault is, in the view's words: an identifier type is the admin's own word, whatever it is. */
describe('a Customer tab layout write', () => {
  const faultOf = (layout: unknown) => {
    const parsed = customerTabWrite.safeParse(layout);
    return parsed.success ? undefined : parsed.error.issues[0].message;
  };

  it.each([
    ['constructor', { label: ' ' }, "Identifiers › 'constructor' › display name is empty"],
    ['label', { searchable: 'yes' }, "Identifiers › 'label' › searchable must be true or false."],
    ['event', { label: ' ' }, "Identifiers › 'event' › display name is empty"],
    ['title', { taskAttributes: ['a b'] }, "Identifiers › 'title' › task attributes › item 1 is not a task attribute"],
    ['header', { searchable: 1 }, "Identifiers › 'header' › searchable must be"],
  ])('names an identifier type %s as the type, quoted', (type, setting, message) => {
    expect(faultOf({ identifiers: { [type]: setting } })).toMatch(new RegExp(`^${escape(message)}`));
  });

  it('reads a form post’s JSON text, and an empty text as clearing the layout', () => {
    expect(customerTabWrite.parse(JSON.stringify({ header: { secondaryTrait: 'plan' } }))).toEqual({
      header: { secondaryTrait: 'plan' },
    });
    expect(customerTabWrite.parse(' ')).toBeNull();
    expect(faultOf('{not json')).toMatch(/^The Customer tab layout must be an object/);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
