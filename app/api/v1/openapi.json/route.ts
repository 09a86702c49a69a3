import { openApiDocument } from '@/lib/api/openapi';

// The Partner API's OpenAPI 3.1 document, made from the operations' own schemas.
export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
