import { toIdentifiers } from './assemble-profile';
import { displayValueOf } from './identifier-display';

describe('identifiers as people read them', () => {
  it.each([
    ['phone', '+14155550100', '+1 415 555 0100'],
    ['phone', '+447700900123', '+44 7700 900123'],
    ['phone', 'not a number', 'not a number'],
    ['email', 'ana.garcia@example.com', 'ana.garcia@example.com'],
    ['user_id', '+14155550100', '+14155550100'],
  ])('%s %s reads %s', (type, value, display) => {
    expect(displayValueOf(type, value)).toBe(display);
  });

  it('gives every identifier of the answer its display form', () => {
    const identifiers = toIdentifiers({
      data: [
        { id: '+393471234567', type: 'phone' },
        { id: 'usr_sofia_rossi', type: 'user_id' },
      ],
    });
    expect(identifiers).toEqual([
      { type: 'phone', value: '+393471234567', display: '+39 347 123 4567' },
      { type: 'user_id', value: 'usr_sofia_rossi', display: 'usr_sofia_rossi' },
    ]);
  });
});
