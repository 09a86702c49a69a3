import { describe, expect, it } from 'vitest';
import { envIsSet, parseEnv, readEnv } from '@/lib/env/schema';

// The schema keeps what each variable meant when it was read ad hoc:
// the same defaults, the same handling of empty and nonsense values.
describe('settings schema', () => {
  it('gives the defaults when nothing is set', () => {
    expect(parseEnv({})).toEqual({
      DATABASE_URL: undefined,
      NEXTAUTH_SECRET: undefined,
      NEXTAUTH_URL: undefined,
      SMTP_URL: undefined,
      MAIL_FROM: 'Partner Center <no-reply@partner-center.example>',
      MAIL_WORKER: true,
      VENDOR_NAME: 'Microsoft',
      TENANT_DOMAIN: 'onmicrosoft.example',
      DEMO_PASSWORD: 'Demo-Passw0rd!',
      PORT: 3000,
      HOST: '0.0.0.0',
      PC_DATA_DIR: '.data',
      DATABASE_POOL_MAX: 10,
      DATABASE_POOL_IDLE_SECONDS: 10,
      TRUST_PROXY: 0,
      SESSION_IDLE_MINUTES: 480,
      SESSION_MAX_HOURS: 168,
      API_QUOTA_PER_MINUTE: 500,
      PC_SEED_DEMO: false,
      PC_E2E_FIXTURES: false,
      PC_TEST_CLOCK: false,
      PC_BENCH: false,
      WEBHOOK_ALLOW_PRIVATE: false,
      DEBUG: undefined,
    });
  });

  it('treats empty values as before', () => {
    const empty = (key: Parameters<typeof readEnv>[0]) => readEnv(key, { [key]: '' });
    for (const key of ['DATABASE_URL', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'SMTP_URL'] as const)
      expect(empty(key), key).toBeUndefined();
    expect(empty('MAIL_FROM')).toBe('Partner Center <no-reply@partner-center.example>');
    expect(empty('DEMO_PASSWORD')).toBe('Demo-Passw0rd!');
    expect(empty('MAIL_WORKER')).toBe(true);
    expect(empty('SESSION_IDLE_MINUTES')).toBe(480);
    expect(empty('TRUST_PROXY')).toBe(0);
    // `Number(x ?? default)` and `x ?? default`: an empty value was taken as written.
    expect(empty('PORT')).toBe(0);
    expect(empty('DATABASE_POOL_MAX')).toBe(0);
    expect(empty('HOST')).toBe('');
    expect(empty('PC_DATA_DIR')).toBe('');
    expect(() => empty('VENDOR_NAME')).toThrow(/VENDOR_NAME/);
    expect(() => empty('TENANT_DOMAIN')).toThrow(/TENANT_DOMAIN/);
  });

  it('reads values as before', () => {
    expect(readEnv('SMTP_URL', { SMTP_URL: '  smtp://mail:25  ' })).toBe('smtp://mail:25');
    expect(readEnv('SMTP_URL', { SMTP_URL: '   ' })).toBeUndefined();
    expect(readEnv('MAIL_FROM', { MAIL_FROM: ' Ops <ops@example.com> ' })).toBe('Ops <ops@example.com>');
    expect(readEnv('MAIL_WORKER', { MAIL_WORKER: 'off' })).toBe(false);
    expect(readEnv('MAIL_WORKER', { MAIL_WORKER: 'OFF' })).toBe(true);
    expect(readEnv('PC_TEST_CLOCK', { PC_TEST_CLOCK: '1' })).toBe(true);
    expect(readEnv('PC_TEST_CLOCK', { PC_TEST_CLOCK: 'true' })).toBe(false);
    expect(readEnv('PORT', { PORT: '8080' })).toBe(8080);
    expect(readEnv('DATABASE_POOL_IDLE_SECONDS', { DATABASE_POOL_IDLE_SECONDS: '1' })).toBe(1);
    for (const [raw, hops] of [
      ['true', 1],
      [' YES ', 1],
      ['2', 2],
      ['0', 0],
      ['-1', 0],
      ['1.5', 0],
      ['on', 0],
    ] as const)
      expect(readEnv('TRUST_PROXY', { TRUST_PROXY: raw }), raw).toBe(hops);
    for (const raw of ['0', '-5', 'abc', 'Infinity'])
      expect(readEnv('SESSION_MAX_HOURS', { SESSION_MAX_HOURS: raw }), raw).toBe(168);
    expect(readEnv('SESSION_IDLE_MINUTES', { SESSION_IDLE_MINUTES: '0.5' })).toBe(0.5);
    expect(readEnv('TENANT_DOMAIN', { TENANT_DOMAIN: 'abc' })).toBe('abc');
    expect(() => readEnv('TENANT_DOMAIN', { TENANT_DOMAIN: 'ab' })).toThrow(/TENANT_DOMAIN/);
  });

  it('reads the environment at call time', () => {
    const source: Record<string, string | undefined> = {};
    expect(readEnv('SMTP_URL', source)).toBeUndefined();
    source.SMTP_URL = 'smtp://mail:25';
    expect(readEnv('SMTP_URL', source)).toBe('smtp://mail:25');
  });

  it('tells a configured value from a default', () => {
    expect(envIsSet('DEMO_PASSWORD', {})).toBe(false);
    expect(envIsSet('DEMO_PASSWORD', { DEMO_PASSWORD: '' })).toBe(false);
    expect(envIsSet('DEMO_PASSWORD', { DEMO_PASSWORD: 'Demo-Passw0rd!' })).toBe(true);
  });
});
