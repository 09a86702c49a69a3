// The acting user's context for the domain functions, built as
// lib/auth/session.ts loadCtx builds it for a signed-in request (that module
// also loads next-auth's options, which need Next's runtime).
import type { Ctx } from '../../lib/authz/context';
import { db } from '../../lib/db';

export async function loadBenchCtx(email: string): Promise<Ctx> {
  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true, email: true, name: true, role: true, disabled: true,
      mustChangePassword: true, locale: true, customerId: true, organizationId: true,
      organization: { select: { kind: true, status: true, legalName: true } },
      customer: { select: { companyName: true } },
    },
  });
  if (!user || user.disabled) throw new Error(`Bench user ${email} not found or disabled`);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgId: user.organizationId,
    orgKind: user.organization?.kind ?? null,
    orgStatus: user.organization?.status ?? null,
    customerId: user.customerId,
    orgName: user.organization?.legalName ?? user.customer?.companyName ?? '',
    mustChangePassword: user.mustChangePassword,
    locale: user.locale,
  };
}
