import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertCan } from '@/lib/authz/policy';
import { getCustomer } from '@/lib/customers/get-customer';
import { COUNTRY_CODES } from '@/lib/organizations/schemas';
import { PageHeader } from '@/components/ui/page-header';
import { EditCustomerForm } from '@/components/customers/edit-customer-form';
import { IntlClient } from '@/components/ui/intl-client';

export default async function EditCustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const ctx = await requirePageCtx(`/customers/${customerId}/edit`);
  const customer = await loadOr404(async () => {
    assertCan(ctx, 'customers.write');
    return getCustomer(ctx, customerId);
  });
  const [t, locale] = await Promise.all([getTranslations('customerEdit'), getLocale()]);
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const countries = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
  const initial = {
    companyName: customer.companyName,
    addressLine1: customer.addressLine1,
    addressLine2: customer.addressLine2 ?? '',
    city: customer.city,
    region: customer.region ?? '',
    postalCode: customer.postalCode,
    country: customer.country,
    contactFirstName: customer.contactFirstName,
    contactLastName: customer.contactLastName,
    contactEmail: customer.contactEmail,
    contactPhone: customer.contactPhone ?? '',
    language: customer.language,
  };
  return (
    <>
      <PageHeader title={t('title', { company: customer.companyName })} />
      <p className="mb-6 text-sm text-slate-700">{t('domainFixed', { domain: customer.tenantDomain })}</p>
      <IntlClient namespaces={['customerEdit', 'newCustomer']}>
        <EditCustomerForm
          customerId={customer.id}
          version={customer.updatedAt.toISOString()}
          initial={initial}
          countries={countries}
        />
      </IntlClient>
    </>
  );
}
