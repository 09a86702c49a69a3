'use client';
import { useState } from 'react';

/** RFC 6068 allows ":", "/" and "@" as they are; keeping them makes the link readable in the mailto: address. */
function mailtoEncode(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%40/gi, '@');
}

/**
 * The editable draft of a link email (partnership and relationship requests):
 * recipient, subject and body, Copy to clipboard, and the Open in email link.
 */
export function useDraftEmail(initial: { email: string; subject: string; body: string }) {
  const [email, setEmail] = useState(initial.email);
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${subject}\n\n${body}`);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }

  const mailto = `mailto:${mailtoEncode(email)}?subject=${mailtoEncode(subject)}&body=${mailtoEncode(body)}`;
  return { email, setEmail, subject, setSubject, body, setBody, copied, copy, mailto };
}
