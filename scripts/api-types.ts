// `npm run api:types`: writes tests/api/partner-api.d.ts, the TypeScript
// types of the Partner API (openapi-typescript) from its OpenAPI document.
// The browser suite generates them again from the document the production
// server serves and fails when they differ (tests/e2e/flows/95-api-client.spec.ts),
// then drives the API with openapi-fetch typed by this file.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openApiDocument } from '../lib/api/openapi';
import { partnerApiTypes } from '../tests/api/types';

const file = path.resolve(import.meta.dirname, '..', 'tests', 'api', 'partner-api.d.ts');
await writeFile(file, await partnerApiTypes(openApiDocument()));
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
