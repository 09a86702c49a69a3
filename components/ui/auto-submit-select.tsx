'use client';
import type { ComponentProps } from 'react';

/** A filter that applies as soon as it changes; without JavaScript the form's button applies it. */
export function AutoSubmitSelect(props: ComponentProps<'select'>) {
  return <select {...props} onChange={(e) => e.currentTarget.form?.requestSubmit()} />;
}
