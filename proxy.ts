import { NextResponse, type NextRequest } from 'next/server';

// Not a security boundary (pages and the domain layer check the session):
// it only tells server components which path was asked for, so that sign-in
// can send the user back there.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-pc-path', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!api/|_next/|favicon.ico).*)'] };
