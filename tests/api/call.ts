// Calls the Partner API's route handlers as Next.js does, and checks every
// answer against the served OpenAPI document with openapi-backend's response
// validator: an answer the document does not describe fails the test.
import OpenAPIBackend from 'openapi-backend';
import addFormats from 'ajv-formats';
import { openApiDocument } from '@/lib/api/openapi';
import { OPERATIONS } from '@/lib/api/operations';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let backend: OpenAPIBackend | undefined;

async function validator(): Promise<OpenAPIBackend> {
  if (!backend) {
    // quick: openapi-backend checks a definition against OpenAPI 3.0 only; this one is 3.1 (Redocly lints it).
    backend = new OpenAPIBackend({
      definition: openApiDocument() as never,
      quick: true,
      validate: true,
      customizeAjv: (ajv) => {
        addFormats(ajv);
        return ajv;
      },
    });
    await backend.init();
  }
  return backend;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer, read by the tests as they please
export type Answer = { status: number; headers: Headers; body: any };

/** The operation of a method and a concrete path (`/customers/abc` → `/customers/{customerId}`). */
function operationOf(method: string, path: string) {
  const bare = path.split('?')[0]!;
  return OPERATIONS.find((o) => {
    if (o.method !== method) return false;
    const pattern = new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return pattern.test(bare);
  });
}

export type CallOptions = {
  token?: string;
  body?: unknown;
  /** Sent as it is (not JSON-encoded). */
  raw?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

export async function call(handler: Handler, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'x-pc-client-address': '203.0.113.9', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await handler(new Request(`http://portal.test/api/v1${path}`, { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  const answer: Answer = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  const operation = operationOf(method, path);
  if (!operation) throw new Error(`no documented operation for ${method} ${path}`);
  const paths = openApiDocument().paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
  const documented = paths[operation.path]![method.toLowerCase()]!.responses;
  if (!documented[String(answer.status)])
    throw new Error(`${method} ${path} answered ${answer.status}, which the document does not list`);
  const result = (await validator()).validateResponse(answer.body, operation.operationId, answer.status);
  if (result.errors?.length)
    throw new Error(
      `${method} ${path} → ${answer.status} does not match the document: ${JSON.stringify(result.errors)}\n` +
        JSON.stringify(answer.body).slice(0, 500),
    );
  return answer;
}
