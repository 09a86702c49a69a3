import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { MAILBOX_LIMIT, findMailbox } from '@/lib/email/find-mailbox';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';

type Search = { to?: string | string[] };

/** Vendor staff: the outbox, so mail can be read without a mail server. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/mailbox');
  const { to: asked } = await searchParams;
  const to = typeof asked === 'string' ? asked : undefined;
  const { messages, smtp } = await loadOr404(() => findMailbox(ctx, { to }));
  const [t, format] = await Promise.all([getTranslations('mailbox'), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageHeader title={t('title')} />
      <p role="note" className="mb-4 rounded border border-slate-300 bg-slate-50 p-3 text-sm">
        {smtp ? t('smtpNote') : t('outboxNote')} {t('limit', { limit: MAILBOX_LIMIT })}
      </p>
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium">
            {t('recipient')}
          </label>
          <input
            id="to"
            name="to"
            type="search"
            defaultValue={to}
            className="rounded border border-slate-400 bg-white px-3 py-2 text-sm"
          />
        </div>
        <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm hover:bg-slate-100">
          {t('filter')}
        </button>
        {to ? (
          <Link href="/mailbox" className="py-2 text-sm text-brand underline">
            {t('showAll')}
          </Link>
        ) : null}
      </form>
      <Table
        caption={t('title')}
        headers={[t('to'), t('subject'), t('state'), t('created'), t('attempts')]}
        empty={messages.length === 0 ? t('empty') : undefined}
      >
        {messages.map((m) => (
          <tr key={m.id}>
            <Td>{m.to}</Td>
            <Td>
              <details>
                <summary className="cursor-pointer font-medium">{m.subject}</summary>
                <pre className="mt-2 max-w-prose font-sans text-sm break-words whitespace-pre-wrap">{m.text}</pre>
              </details>
            </Td>
            <Td>
              <StatusBadge>{t(`states.${m.state}`)}</StatusBadge>
              {m.state !== 'SENT' && m.lastError ? (
                <p className="mt-1 text-xs text-slate-700">{t('lastError', { error: m.lastError })}</p>
              ) : null}
            </Td>
            <Td>{when(m.createdAt)}</Td>
            <Td>{m.attempts}</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
