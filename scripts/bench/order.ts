// Order submission as the browser sends it: the New customer wizard calls the
// server action placeNewCustomerOrderAction(undefined, formData), which React
// posts to the page as multipart form data (field "0": the arguments, the
// form's fields prefixed "1_") with the action's id in the Next-Action header.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { request } from './http';

const ACTION_FILE = 'actions/orders.ts';
const ACTION_NAME = 'placeNewCustomerOrderAction';

/** The action's id in the production build (.next/server/server-reference-manifest.json). */
export function findActionId(root: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, v]) => v.filename === ACTION_FILE && v.exportedName === ACTION_NAME,
  );
  if (!found) throw new Error(`${ACTION_NAME} not found in the build's server reference manifest`);
  return found[0];
}

function multipart(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export type OrderOffer = { id: string; quantity: number };

/** Places one new-customer order (a new company and domain each time); returns the milliseconds to the last byte. */
export async function submitOrder(
  base: string,
  cookie: string,
  actionId: string,
  offer: OrderOffer,
  run: string,
): Promise<number> {
  const prefix = `bench${run}`
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 27);
  const form: [string, string][] = [
    ['companyName', `Bench Order ${run}`],
    ['domainPrefix', prefix],
    ['addressLine1', '1 Bench Street'],
    ['addressLine2', ''],
    ['city', 'Seattle'],
    ['region', 'WA'],
    ['postalCode', '98101'],
    ['country', 'US'],
    ['contactFirstName', 'Bea'],
    ['contactLastName', 'Bench'],
    ['contactEmail', `it@${prefix}.example`],
    ['contactPhone', ''],
    ['language', 'en'],
    ['lines', JSON.stringify([{ offerId: offer.id, quantity: String(offer.quantity) }])],
    ['idempotencyKey', randomUUID()],
  ];
  const { body, contentType } = multipart([
    ...form.map(([k, v]) => [`_1_${k}`, v] as [string, string]),
    ['0', '["$undefined","$K1"]'],
  ]);
  const start = performance.now();
  const res = await request(`${base}/customers/new`, {
    method: 'POST',
    headers: { cookie, 'content-type': contentType, 'next-action': actionId, accept: 'text/x-component', origin: base },
    body,
  });
  const ms = performance.now() - start;
  if (res.status !== 200 || !res.body.includes('"ok":true')) {
    throw new Error(`Order submission failed (status ${res.status}): ${res.body.slice(-400)}`);
  }
  return ms;
}
