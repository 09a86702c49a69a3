// Every answer of the Partner API a test receives is checked against the
// OpenAPI document with openapi-backend's response validator (Ajv, with the
// formats of ajv-formats): a status the operation does not list, or a body
// its schema refuses, throws.
import addFormats from 'ajv-formats';
import OpenAPIBackend from 'openapi-backend';

type Document = Record<string, unknown>;
type Paths = Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;

export type ResponseValidator = (method: string, path: string, status: number, body: unknown) => void;

/** A validator for one document (the one the code makes, or the one a server serves). */
export async function responseValidator(document: Document): Promise<ResponseValidator> {
  // quick: openapi-backend checks a definition against OpenAPI 3.0 only; this one is 3.1 (Redocly lints it).
  const backend = new OpenAPIBackend({
    definition: structuredClone(document) as never,
    quick: true,
    validate: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await backend.init();
  const paths = document.paths as Paths;
  const templates = Object.keys(paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
  }));
  return (method, path, status, body) => {
    const bare = path.split('?')[0]!;
    const template = templates.find((t) => t.pattern.test(bare) && paths[t.template]![method.toLowerCase()]);
    const operation = template && paths[template.template]![method.toLowerCase()];
    if (!operation) throw new Error(`no documented operation for ${method} ${path}`);
    if (!operation.responses[String(status)])
      throw new Error(`${method} ${path} answered ${status}, which the document does not list`);
    const result = backend.validateResponse(body, operation.operationId, status);
    if (result.errors?.length)
      throw new Error(
        `${method} ${path} → ${status} does not match the document: ${JSON.stringify(result.errors)}\n` +
          JSON.stringify(body).slice(0, 500),
      );
  };
}
