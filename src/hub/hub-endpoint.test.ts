import { describe, expect, it } from 'vitest';
import { OFFICIAL_HUB, parseHubEndpoint } from './hub-endpoint.ts';

describe('parseHubEndpoint', () => {
  it('gives the endpoint without trailing slashes and its origin', () => {
    expect(parseHubEndpoint(OFFICIAL_HUB)).toEqual({ base: OFFICIAL_HUB, origin: OFFICIAL_HUB });
    expect(parseHubEndpoint('http://127.0.0.1:8080/hub//')).toEqual({
      base: 'http://127.0.0.1:8080/hub',
      origin: 'http://127.0.0.1:8080',
    });
  });

  it.each([
    ['', /is not a URL/],
    ['huggingface.co', /is not a URL/],
    ['file:///etc', /must be a plain http\(s\) URL/],
    ['ftp://hub.example', /must be a plain http\(s\) URL/],
    ['https://user:secret@hub.example', /must be a plain http\(s\) URL/],
    ['https://hub.example/?x=1', /must be a plain http\(s\) URL/],
    ['https://hub.example/#top', /must be a plain http\(s\) URL/],
  ])('refuses %j with ERR_USAGE', (text, reason) => {
    expect(() => parseHubEndpoint(text)).toThrow(expect.objectContaining({ code: 'ERR_USAGE' }));
    expect(() => parseHubEndpoint(text)).toThrow(reason);
  });
});
