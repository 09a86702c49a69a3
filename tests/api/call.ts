// Calls the Partner API's route handlers as Next.js does, and checks every
// answer against the OpenAPI document (./validate.ts): an answer the document
// does not describe fails the test.
import { openApiDocument } from '@/lib/api/openapi';
import { responseValidator, type ResponseValidator } from './validate';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let validate: ResponseValidator | undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer, read by the tests as they please
export type Answer = { status: number; headers: Headers; body: any };

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
  validate ??= await responseValidator(openApiDocument());
  validate(method, path, answer.status, answer.body);
  return answer;
}
