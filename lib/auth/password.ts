import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with its default cost
// (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A secret the portal makes at random (a customer admin's temporary password:
// 18 random characters, about 107 bits) cannot be guessed, so it needs no
// slow hash; argon2id at its lowest cost keeps one format and one verify, and
// placing an order does not wait for 19 MiB of hashing.
const RANDOM_SECRET_COST = { memoryCost: 1024, timeCost: 1 } as const;

export function hashRandomSecret(secret: string): Promise<string> {
  return hash(secret, RANDOM_SECRET_COST);
}

/** A hash made by hashRandomSecret (verifying it takes far less time than a password's). */
export function isRandomSecretHash(passwordHash: string): boolean {
  return passwordHash.startsWith(`$argon2id$v=19$m=${RANDOM_SECRET_COST.memoryCost},t=${RANDOM_SECRET_COST.timeCost},`);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random string, verified against when the email is unknown so
// that a wrong email and a wrong password take the same time.
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= hash(crypto.randomUUID());
  return dummyHash.then((h) => verifyPassword(h, password));
}
