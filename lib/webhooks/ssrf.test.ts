import { describe, expect, it } from 'vitest';
import { addressProblem, resolveEndpoint } from './ssrf';

describe('webhook SSRF guard: address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'linkLocal'],
    ['169.254.169.254', 'metadata'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::FFFF:192.168.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['[::1]', 'loopback'],
  ])('%s is %s', (ip, problem) => {
    expect(addressProblem(ip)).toBe(problem);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => {
      expect(addressProblem(ip)).toBeNull();
    },
  );
});

describe('webhook SSRF guard: resolving an endpoint', () => {
  const resolveTo = (...addresses: string[]) => ({
    resolve: async () => addresses.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 })),
  });

  it('refuses plain http, and allows it only with the flag', async () => {
    await expect(resolveEndpoint(new URL('http://8.8.8.8/'), { allowPrivate: false })).rejects.toMatchObject({
      reason: 'protocol',
      messageKey: 'webhooks.errors.httpsRequired',
    });
    await expect(resolveEndpoint(new URL('http://8.8.8.8/'), { allowPrivate: true })).resolves.toEqual({
      address: '8.8.8.8',
      family: 4,
    });
  });

  it('refuses a name when any of its addresses is private, unless the flag allows it', async () => {
    const url = new URL('https://hooks.example/in');
    await expect(
      resolveEndpoint(url, { allowPrivate: false, ...resolveTo('93.184.216.34', '10.0.0.5') }),
    ).rejects.toMatchObject({ reason: 'private', messageKey: 'webhooks.errors.privateAddress' });
    await expect(
      resolveEndpoint(url, { allowPrivate: true, ...resolveTo('93.184.216.34', '10.0.0.5') }),
    ).resolves.toEqual({ address: '93.184.216.34', family: 4 });
    await expect(resolveEndpoint(url, { allowPrivate: false, ...resolveTo('2606:4700::1111') })).resolves.toEqual({
      address: '2606:4700::1111',
      family: 6,
    });
  });

  it('refuses metadata addresses even with the flag, and literal private addresses without it', async () => {
    await expect(
      resolveEndpoint(new URL('https://169.254.169.254/latest'), { allowPrivate: true }),
    ).rejects.toMatchObject({ reason: 'metadata' });
    await expect(
      resolveEndpoint(new URL('https://[::ffff:127.0.0.1]/'), { allowPrivate: false }),
    ).rejects.toMatchObject({ reason: 'loopback' });
    await expect(
      resolveEndpoint(new URL('https://hooks.example/'), { allowPrivate: false, ...resolveTo() }),
    ).rejects.toMatchObject({ reason: 'unresolvable' });
  });
});
