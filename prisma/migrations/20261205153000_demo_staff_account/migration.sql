-- A database made by an earlier version's demo data: its staff account is
-- the demo's own (README, Demo accounts), which may keep signing in with the
-- password alone now that vendor staff always need a second factor. New demo
-- data marks every demo account itself (prisma/demo-data.ts). The .example
-- domain is reserved (RFC 2606): no real account has this address.
UPDATE "User" SET "demoAccount" = true WHERE "email" = 'staff@vendor.example';
