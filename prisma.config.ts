import { defineConfig } from 'prisma/config';

// Prisma 7 keeps the connection URL here, not in the schema. Only `generate`
// is run through the CLI (offline it cannot fetch its schema engine);
// migrations go through scripts/db/ (the schema engine in WebAssembly).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
