import type { ButtonHTMLAttributes } from 'react';

const styles = {
  primary: 'bg-brand text-white hover:bg-brand-dark disabled:opacity-60',
  secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
  link: 'text-brand underline hover:text-brand-dark',
} as const;

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof styles }) {
  return <button className={`rounded px-4 py-2 text-sm font-medium ${styles[variant]} ${className}`} {...props} />;
}
