// The Partner API's interactive reference (Swagger UI, from swagger-ui-dist),
// reading /api/v1/openapi.json. Its scripts carry the request's CSP nonce
// (proxy.ts); no inline script runs.
export function GET(request: Request) {
  const nonce = (request.headers.get('x-nonce') ?? '').replace(/[^A-Za-z0-9+/=]/g, '');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner Center API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script nonce="${nonce}" src="/api/docs/swagger-ui-bundle.js"></script>
<script nonce="${nonce}" src="/api/docs/init.js"></script>
</body>
</html>`;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
