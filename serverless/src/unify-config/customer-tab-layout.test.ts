import { readConfigDocument } from './config-document';

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
