import 'server-only';
import { parseEnv } from './env/schema';

// The web app's settings, parsed once at import through the one schema in
// lib/env/schema.ts (README "Configuration"); a refused value (an empty
// VENDOR_NAME, a TENANT_DOMAIN under 3 characters) stops the import with
// zod's error, as before. Code that must see a value set or changed after
// import (DATABASE_URL, SMTP_URL, the session lifetimes, …) calls `readEnv`
// from lib/env/schema.ts at call time instead: see that file's header.
export const env = parseEnv(process.env);
