import { readFile } from 'node:fs/promises';
import path from 'node:path';

// The reference page's files: Swagger UI's own (from swagger-ui-dist, as
// installed) and the few lines that start it. Nothing else is served.
const FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  tryItOutEnabled: false,
});
`;

export async function GET(_request: Request, context: { params: Promise<{ asset: string }> }) {
  const { asset } = await context.params;
  if (asset === 'init.js') return new Response(INIT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  const type = FILES[asset];
  if (!type) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  const file = await readFile(path.join(process.cwd(), 'node_modules', 'swagger-ui-dist', asset));
  return new Response(new Uint8Array(file), {
    headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' },
  });
}
