import type { Translate } from '../../shared/PluginProviders';
import { EN_STRINGS } from '../../strings/en';
import { formatString } from '../../strings/formatString';
import { identifierDraft, layoutDraft, newHistoryEvent, newTraitGroup } from './layoutDraft';
import { layoutProblems, readLayoutDraft } from './readLayoutDraft';

const t: Translate = (key, values) => formatString(EN_STRINGS[key], values);

describe('readLayoutDraft', () => {
  it('leaves out blank groups and events, and sends an untouched draft as no layout', () => {
    const draft = layoutDraft(undefined);
    expect(readLayoutDraft(draft, t)).toEqual({ value: {} });
    const withBlanks = {
      ...draft,
      traitGroups: [{ ...newTraitGroup(), traits: ' , ' }],
      historyEvents: [{ ...newHistoryEvent(), label: '  ' }],
    };
    expect(readLayoutDraft(withBlanks, t)).toEqual({ value: {} });
  });

  it('answers the first problem in reading order, with the best-effort value', () => {
    const draft = {
      ...layoutDraft({ traitGroups: [{ title: 'Billing', traits: ['plan'] }] }),
      nameTraits: 'a, b, c, d',
      avatarTrait: 'picture url',
    };
    const read = readLayoutDraft(draft, t);
    expect(read.problem).toBe('The name takes at most 3 traits, such as first_name, last_name: remove the others.');
    expect(read.value.traitGroups).toEqual([{ title: 'Billing', traits: ['plan'] }]);
    expect(layoutProblems(draft, t).map(({ message }) => message)).toEqual([
      'The name takes at most 3 traits, such as first_name, last_name: remove the others.',
      '“picture url” is not a trait name. Write one trait name as Unify › Profile explorer shows it (letters, digits, _ . : and -).',
    ]);
  });

  it('refuses a layout longer than the server keeps (6,000 bytes), counting UTF-8 bytes', () => {
    // 30 events with 60-character display names: about 2,700 characters, and 6,300 bytes when each is a €.
    const events = (label: string) =>
      layoutDraft({ historyEvents: Array.from({ length: 30 }, (_, index) => ({ event: `E${index}`, label })) });
    expect(readLayoutDraft(events('e'.repeat(60)), t).problem).toBeUndefined();
    expect(readLayoutDraft(events('€'.repeat(60)), t).problem).toBe(
      'The Customer tab layout is too long altogether: use fewer groups or events, or shorter names.',
    );
  });
});

describe('identifierDraft', () => {
  it('gives an identifier type named like an object property (constructor) its defaults, not the prototype’s', () => {
    expect(identifierDraft(layoutDraft(undefined), 'constructor')).toEqual({
      label: '',
      searchable: false,
      taskAttributes: '',
    });
  });
});
