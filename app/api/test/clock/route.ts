import { NextResponse } from 'next/server';
import { clock } from '@/lib/clock';
import { readEnv } from '@/lib/env/schema';

// End-to-end tests only: moves the server's clock (lib/clock.ts) so a browser
// test can cross the 168-hour window of R7. It exists only when the server
// was started with PC_TEST_CLOCK=1 (scripts/e2e-server.ts); everywhere else
// it answers 404 like any unknown address.
export const dynamic = 'force-dynamic';

const notFound = () => new NextResponse(null, { status: 404 });

export async function GET() {
  if (!readEnv('PC_TEST_CLOCK')) return notFound();
  return NextResponse.json({ now: clock.now().toISOString() });
}

/** Body: `{ "advanceMs": number }` or `{ "reset": true }`. */
export async function POST(request: Request) {
  if (!readEnv('PC_TEST_CLOCK')) return notFound();
  // Route handlers get no Origin check from Next.js (only server actions do):
  // a page of another site may not move the clock, and only a JSON body (which
  // a cross-site form cannot send without a preflight) is read.
  const origin = request.headers.get('origin');
  if (
    origin !== null &&
    (origin === 'null' || !URL.canParse(origin) || new URL(origin).host !== request.headers.get('host'))
  ) {
    return NextResponse.json({ error: 'cross-site request' }, { status: 403 });
  }
  if (!request.headers.get('content-type')?.startsWith('application/json'))
    return NextResponse.json({ error: 'JSON body expected' }, { status: 415 });
  const body = (await request.json().catch(() => null)) as { advanceMs?: unknown; reset?: unknown } | null;
  if (body?.reset === true) clock.reset();
  else if (typeof body?.advanceMs === 'number' && Number.isFinite(body.advanceMs)) clock.advance(body.advanceMs);
  else return NextResponse.json({ error: 'advanceMs or reset' }, { status: 400 });
  return NextResponse.json({ now: clock.now().toISOString() });
}
