import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstreamServer, type UpstreamServer } from '../test-support/upstream-server.ts';
import { fetchSource } from './fetch-source.ts';

let upstream: UpstreamServer;
beforeAll(async () => {
  upstream = await startUpstreamServer();
});
afterAll(async () => {
  await upstream?.close();
});

function options(extra: Partial<Parameters<typeof fetchSource>[1]> = {}) {
  return {
    allowedHosts: [upstream.host],
    destination: { allowHosts: [upstream.host] },
    maxBytes: 1000,
    timeoutMs: 5000,
    ...extra,
  };
}

describe('fetchSource', () => {
  it('downloads with the checksum and validators, then answers unchanged to a matching ETag', async () => {
    upstream.routes.set('/data.csv', {
      body: 'a,b\n1,2\n',
      etag: true,
      lastModified: 'Mon, 01 Dec 2025 00:00:00 GMT',
    });
    const got = await fetchSource(`${upstream.url}/data.csv`, options());
    expect(got).toMatchObject({
      status: 'downloaded',
      bytes: 8,
      lastModified: 'Mon, 01 Dec 2025 00:00:00 GMT',
    });
    if (got.status !== 'downloaded') throw new Error('expected a download');
    const { createHash } = await import('node:crypto');
    expect(got.sha256).toBe(createHash('sha256').update('a,b\n1,2\n').digest('hex'));
    await got.remove();
    const again = await fetchSource(
      `${upstream.url}/data.csv`,
      options({ etag: got.etag, lastModified: got.lastModified }),
    );
    expect(again).toEqual({
      status: 'unchanged',
      etag: got.etag,
      lastModified: 'Mon, 01 Dec 2025 00:00:00 GMT',
    });
  });

  it('connects to the address the destination check judged, not to what DNS answers later', async () => {
    upstream.routes.set('/pinned.csv', { body: 'x,y\n' });
    const port = upstream.host.split(':')[1]!;
    // `mirror.invalid` resolves nowhere: the download works only because it connects to the judged address.
    const host = `mirror.invalid:${port}`;
    const got = await fetchSource(`http://${host}/pinned.csv`, {
      ...options(),
      allowedHosts: [host],
      destination: { allowHosts: [host], lookup: async () => [{ address: '127.0.0.1', family: 4 }] },
    });
    expect(got).toMatchObject({ status: 'downloaded', bytes: 4 });
    if (got.status === 'downloaded') await got.remove();
  });

  it('refuses a body over the size limit', async () => {
    upstream.routes.set('/big.csv', { body: 'x'.repeat(2000) });
    await expect(fetchSource(`${upstream.url}/big.csv`, options())).rejects.toMatchObject({
      code: 'ERR_TOO_LARGE',
    });
  });

  it("refuses a redirect to a host that is not the source's, and to localhost", async () => {
    upstream.routes.set('/elsewhere', { redirect: 'https://example.org/data.csv' });
    await expect(
      fetchSource(
        `${upstream.url}/elsewhere`,
        options({
          destination: {
            allowHosts: [upstream.host],
            lookup: async () => [{ address: '93.184.215.14', family: 4 }],
          },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'ERR_DESTINATION_REFUSED',
      message: expect.stringContaining('not a host of this source'),
    });
    upstream.routes.set('/loop', { redirect: `http://localhost:${upstream.host.split(':')[1]}/data.csv` });
    await expect(fetchSource(`${upstream.url}/loop`, options())).rejects.toMatchObject({
      code: 'ERR_DESTINATION_REFUSED',
    });
  });

  it('refuses a loopback source that APERTURE_ALLOW_HOSTS does not list', async () => {
    await expect(fetchSource(`${upstream.url}/data.csv`, options({ destination: {} }))).rejects.toMatchObject(
      {
        code: 'ERR_DESTINATION_REFUSED',
      },
    );
  });
});
