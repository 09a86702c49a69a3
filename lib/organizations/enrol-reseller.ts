import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { Invalid } from '@/lib/errors';
import { checkInput } from '@/lib/validation/parse-input';
import { emailSchema, enrolResellerInput, mpnIdSchema, type EnrolResellerInput } from './schemas';

/** Field errors for an MPN ID or an email that is already taken (none when both are free). */
async function takenFields(mpnId: string | undefined, email: string | undefined): Promise<Record<string, string[]>> {
  const [org, user] = await Promise.all([
    mpnId ? db().organization.findUnique({ where: { mpnId }, select: { id: true } }) : null,
    email ? db().user.findUnique({ where: { email }, select: { id: true } }) : null,
  ]);
  const errors: Record<string, string[]> = {};
  if (org) errors.mpnId = ['enrol.errors.mpnIdTaken'];
  if (user) errors.email = ['enrol.errors.emailTaken'];
  return errors;
}

/**
 * Public reseller enrolment: a PENDING indirect reseller and its first user
 * (role ADMIN), in one transaction. Vendor staff approve it later; until then
 * the policy refuses its partner work. No session: the new user is the actor.
 */
export async function enrolReseller(
  raw: Partial<Record<keyof EnrolResellerInput, unknown>>,
): Promise<{ organizationId: string; email: string; companyName: string }> {
  const parsed = checkInput(enrolResellerInput, raw);
  if (!parsed.ok) {
    // Say at once that a well-formed MPN ID or email is taken, not only after the other fields are fixed.
    if (parsed.nul) throw new Invalid(parsed.fieldErrors);
    const taken = await takenFields(mpnIdSchema.safeParse(raw?.mpnId).data, emailSchema.safeParse(raw?.email).data);
    throw new Invalid({ ...parsed.fieldErrors, ...taken });
  }
  const input = parsed.data;
  const taken = await takenFields(input.mpnId, input.email);
  if (Object.keys(taken).length) throw new Invalid(taken);

  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: {
          kind: 'INDIRECT_RESELLER',
          status: 'PENDING',
          legalName: input.companyName,
          mpnId: input.mpnId,
          country: input.country,
          contactEmail: input.email,
        },
        select: { id: true },
      });
      const user = await tx.user.create({
        data: { email: input.email, name: input.adminName, role: 'ADMIN', organizationId: org.id, passwordHash },
        select: { id: true },
      });
      await recordAudit(
        tx,
        { userId: user.id, orgId: org.id },
        {
          action: 'partner.enrolled',
          targetType: 'organization',
          targetId: org.id,
          after: {
            kind: 'INDIRECT_RESELLER',
            legalName: input.companyName,
            mpnId: input.mpnId,
            country: input.country,
            status: 'PENDING',
            adminEmail: input.email,
          },
        },
      );
      return { organizationId: org.id, email: input.email, companyName: input.companyName };
    });
  } catch (error) {
    // Someone enrolled the same MPN ID or email between the check and the
    // insert: the unique index refused it and the transaction rolled back.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const raced = await takenFields(input.mpnId, input.email);
      throw Object.keys(raced).length ? new Invalid(raced) : new Invalid({}, 'enrol.errors.tryAgain');
    }
    throw error;
  }
}
