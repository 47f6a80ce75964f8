import { getExpectedTwilioSignature, validateRequest } from 'twilio';

import { HOST_REQUEST_FACTS } from '../http/request-facts';
import { publicUrlOf, signatureOf, signedParamsOf } from './request-signature';

describe('the URL Twilio signed', () => {
  it.each([
    ['unified-profiles-1234-dev.twil.io', 'https://unified-profiles-1234-dev.twil.io/studio-profile'],
    ['127.0.0.1:3001', 'http://127.0.0.1:3001/studio-profile'],
    ['localhost:3001', 'http://localhost:3001/studio-profile'],
    ['example.ngrok.io', 'https://example.ngrok.io/studio-profile'],
  ])('DOMAIN_NAME %s → %s', (domain, url) => {
    expect(publicUrlOf({ DOMAIN_NAME: domain }, '/studio-profile')).toBe(url);
  });

  it.each([undefined, '', 'evil.example/path', 'a b', 'host:port'])('is unknown for DOMAIN_NAME %p', (domain) => {
    expect(publicUrlOf({ DOMAIN_NAME: domain }, '/studio-profile')).toBeUndefined();
  });
});

describe('the parameters Twilio signed', () => {
  it('are the form fields, not what the runtime adds', () => {
    const event = {
      From: '+14155550100',
      Many: ['a', 'b'],
      request: { headers: { 'x-twilio-signature': 'x' }, cookies: {} },
      [HOST_REQUEST_FACTS]: { method: 'POST' },
    };
    expect(signedParamsOf(event)).toEqual({ From: '+14155550100', Many: ['a', 'b'] });
  });

  it('keep a form field named request (it replaced the runtime’s)', () => {
    expect(signedParamsOf({ request: 'field' })).toEqual({ request: 'field' });
  });
});

describe('the signature header', () => {
  it('is read from the host’s description first (the sandbox), which a field cannot forge', () => {
    const event = {
      request: { headers: { 'x-twilio-signature': 'from-event' } },
      [HOST_REQUEST_FACTS]: { headers: { 'x-twilio-signature': 'from-host' } },
    };
    expect(signatureOf(event)).toBe('from-host');
  });

  it('is read from event.request.headers on Twilio', () => {
    expect(signatureOf({ request: { headers: { 'x-twilio-signature': ' sig= ' } } })).toBe('sig=');
    expect(signatureOf({ request: { headers: { 'x-twilio-signature': ['first', 'second'] } } })).toBe('first');
  });

  it('is missing when blank, absent, or when a field replaced the headers', () => {
    expect(signatureOf({ request: { headers: { 'x-twilio-signature': '  ' } } })).toBeUndefined();
    expect(signatureOf({ request: { headers: {} } })).toBeUndefined();
    expect(signatureOf({ request: 'a form field' })).toBeUndefined();
    expect(signatureOf({})).toBeUndefined();
  });
});

describe('validation with the twilio library', () => {
  const url = 'https://unified-profiles-1234-dev.twil.io/studio-profile';
  const params = { From: '+14155550100', FlowSid: 'FW' + 'a'.repeat(32) };
  const signature = getExpectedTwilioSignature('auth-token', url, params);

  it('accepts the signature Twilio makes, with or without the https port', () => {
    expect(validateRequest('auth-token', signature, url, params)).toBe(true);
    const withPort = getExpectedTwilioSignature('auth-token', url.replace('.io/', '.io:443/'), params);
    expect(validateRequest('auth-token', withPort, url, params)).toBe(true);
  });

  it('refuses another token, URL or parameter', () => {
    expect(validateRequest('other-token', signature, url, params)).toBe(false);
    expect(validateRequest('auth-token', signature, url.replace('profile', 'traits'), params)).toBe(false);
    expect(validateRequest('auth-token', signature, url, { ...params, From: '+14155550101' })).toBe(false);
  });
});
