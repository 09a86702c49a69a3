// A temporary password is hashed cheaply (it is random, not chosen), still
// verifies, and a wrong guess against it takes a password's time.
import { beforeEach, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeOrg } from '../factories';
import { db } from '@/lib/db';
import { hashPassword, hashRandomSecret, isRandomSecretHash } from '@/lib/auth/password';
import { generateTemporaryPassword } from '@/lib/orders/temporary-password';
import { verifyCredentials } from '@/lib/users/verify-credentials';

beforeEach(resetDatabase);

/**
 * The median time of each check, the checks taken in turns: other test files
 * run beside this one, and whatever load they add falls on both sides alike.
 */
async function medians(a: () => Promise<unknown>, b: () => Promise<unknown>, n = 9): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < n; i++) {
    for (const [k, run] of [a, b].entries()) {
      const started = performance.now();
      await run();
      times[k]!.push(performance.now() - started);
    }
  }
  const median = (t: number[]) => t.sort((x, y) => x - y)[n >> 1]!;
  return [median(times[0]), median(times[1])];
}

it('verifies a temporary password, and a wrong guess costs at least a password hash check', async () => {
  const org = await makeOrg('INDIRECT_PROVIDER');
  const temporary = generateTemporaryPassword();
  const hashed = await hashRandomSecret(temporary);
  expect(isRandomSecretHash(hashed)).toBe(true);
  expect(isRandomSecretHash(await hashPassword('Chosen-Passw0rd!'))).toBe(false);
  await db().user.create({
    data: {
      email: 'temp@test.example',
      name: 'Temp',
      role: 'ADMIN',
      organizationId: org.id,
      passwordHash: hashed,
      mustChangePassword: true,
    },
  });
  await db().user.create({
    data: {
      email: 'chosen@test.example',
      name: 'Chosen',
      role: 'ADMIN',
      organizationId: org.id,
      passwordHash: await hashPassword('Chosen-Passw0rd!'),
    },
  });
  expect(await verifyCredentials({ email: 'temp@test.example', password: temporary })).toMatchObject({
    email: 'temp@test.example',
  });
  expect(await verifyCredentials({ email: 'temp@test.example', password: 'Wrong-Passw0rd!' })).toBeNull();
  const [wrongTemp, wrongChosen] = await medians(
    () => verifyCredentials({ email: 'temp@test.example', password: 'Wrong-Passw0rd!' }),
    () => verifyCredentials({ email: 'chosen@test.example', password: 'Wrong-Passw0rd!' }),
  );
  // Without the padding a wrong temporary password answers in about a twentieth of the time.
  expect(wrongTemp).toBeGreaterThan(wrongChosen * 0.6);
});
