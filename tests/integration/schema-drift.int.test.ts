// Fails when prisma/schema.prisma changed without a migration: the diff from
// prisma/migrations to the schema must be empty.
import { expect, it } from 'vitest';
import { pendingSchemaChanges } from '@/scripts/db/drift';

it('prisma/migrations matches prisma/schema.prisma', async () => {
  const missing = await pendingSchemaChanges();
  expect(
    missing,
    'schema.prisma has changes that no migration contains. Run `npm run db:migration -- <name>` ' +
      '(name: a-z, 0-9, _), review the generated SQL and commit it. Missing SQL:\n' +
      missing,
  ).toBe('');
});
