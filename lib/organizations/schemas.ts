import { z } from 'zod';
import { searchText } from '@/lib/validation/text';
import { newPasswordSchema } from '@/lib/users/schemas';

/** ISO 3166-1 alpha-2 codes: what organisations store as their country. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW'
).split(' ');
const COUNTRIES = new Set(COUNTRY_CODES);

/** SPEC §2: a partner id is 6–7 digits. */
export const mpnIdSchema = z
  .string('errors.required')
  .trim()
  .regex(/^\d{6,7}$/, 'enrol.errors.mpnIdFormat');

/** Emails are stored lower-cased, so uniqueness is case-insensitive. */
export const emailSchema = z
  .string('errors.required')
  .trim()
  .toLowerCase()
  .min(1, 'errors.required')
  .max(254, 'enrol.errors.email')
  .email('enrol.errors.email');

export const enrolResellerInput = z
  .object({
    companyName: z.string('errors.required').trim().min(1, 'errors.required').max(200, 'enrol.errors.tooLong'),
    mpnId: mpnIdSchema,
    country: z.string('errors.required').refine((c) => COUNTRIES.has(c), 'enrol.errors.country'),
    adminName: z.string('errors.required').trim().min(1, 'errors.required').max(100, 'enrol.errors.tooLong'),
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string('errors.required'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'errors.passwordsDiffer' });
export type EnrolResellerInput = z.infer<typeof enrolResellerInput>;

export const setPartnerStatusInput = z.object({
  orgId: z.string().min(1).max(40),
  /** Approve (→ ACTIVE) or suspend (→ SUSPENDED); nobody sets PENDING back. */
  status: z.enum(['ACTIVE', 'SUSPENDED']),
});
export type SetPartnerStatusInput = z.infer<typeof setPartnerStatusInput>;

/** An optional text field: empty or missing is null. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
    schema.nullable(),
  );
}

/** Regions arrive as one text (comma or line separated) from the form, or as a list. */
const regionsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v : v.split(/[,\n、]/)).map((r) => r.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(80, 'profile.errors.regionTooLong')).max(30, 'profile.errors.tooManyRegions'));

export const updateProviderProfileInput = z.object({
  orgId: z.string().min(1).max(40),
  description: z.string().trim().max(2000, 'profile.errors.descriptionTooLong').default(''),
  regionsServed: regionsSchema.default([]),
  contactEmail: optional(emailSchema),
  contactPhone: optional(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()./-]{3,30}$/, 'profile.errors.phone'),
  ),
  // Only http(s): the public list shows it to everyone.
  website: optional(
    z
      .string()
      .trim()
      .max(200, 'profile.errors.website')
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), 'profile.errors.website'),
  ),
  /** The profile's updatedAt when the form was opened: a second editor is refused, never silently overwritten. */
  version: optional(z.string().max(40)),
});
export type UpdateProviderProfileInput = z.infer<typeof updateProviderProfileInput>;

/** Vendor staff's Partners list: its search and filter. */
export const findPartnersInput = z.object({
  /** Name anywhere in the text, or the start of an MPN ID. */
  q: searchText(100),
  status: z.enum(['PENDING', 'ACTIVE', 'SUSPENDED']).optional().catch(undefined),
  /** Keyset cursor: the id of the last partner on the previous page. */
  after: searchText(40),
});
/** As it arrives from the URL: anything unexpected is dropped by the schema. */
export type FindPartnersInput = { q?: string; status?: string; after?: string };
