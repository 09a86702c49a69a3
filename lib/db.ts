import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

// The one Prisma client. Created lazily so it sees the final DATABASE_URL
// (the start script may point it at the embedded database). Password hashes
// are omitted from every query unless a caller asks for them explicitly.
function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const adapter = new PrismaPg({ connectionString, max });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { __pcDb?: Db };

export function db(): Db {
  globalForDb.__pcDb ??= createClient();
  return globalForDb.__pcDb;
}

export async function disconnectDb() {
  await globalForDb.__pcDb?.$disconnect();
  globalForDb.__pcDb = undefined;
}
