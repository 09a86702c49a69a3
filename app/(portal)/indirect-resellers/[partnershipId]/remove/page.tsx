import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { previewRemovePartnership } from '@/lib/partnerships/remove-partnership';
import { PageHeader } from '@/components/ui/page-header';
import { RemovePartnershipForm } from '@/components/partnerships/remove-partnership-form';

/** R10: the confirmation names what removing the partnership will do. */
export default async function RemovePartnershipPage({ params }: { params: Promise<{ partnershipId: string }> }) {
  const { partnershipId } = await params;
  const ctx = await requirePageCtx(`/indirect-resellers/${partnershipId}/remove`);
  const preview = await loadOr404(() => previewRemovePartnership(ctx, { partnershipId }));
  const t = await getTranslations('partnerships.remove');
  const reseller = `${preview.reseller.legalName} (${preview.reseller.mpnId})`;
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('title', { reseller })} />
      <p className="mb-2 font-medium">{t('consequences')}</p>
      <ul className="mb-4 list-disc space-y-2 pl-6">
        <li>{t('customers', { reseller: preview.reseller.legalName, count: preview.customers })}</li>
        <li>{t('support', { count: preview.supported })}</li>
        <li>{t('incentives', { count: preview.credited })}</li>
      </ul>
      <p className="mb-6 text-sm text-slate-700">{t('history')}</p>
      <div className="flex gap-3">
        <RemovePartnershipForm partnershipId={preview.partnershipId} label={t('confirm')} />
        <Link
          href="/indirect-resellers"
          className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          {t('cancel')}
        </Link>
      </div>
    </div>
  );
}
