/**
 * A link to another page: a plain anchor, so following it loads the page
 * whole from the server, as every page is rendered there anyway (decision
 * 0053). Next's <Link> would add its router code to every route's
 * JavaScript and prefetch the links in view.
 */
export function Link({ href, ...props }: React.ComponentProps<'a'> & { href: string }) {
  return <a href={href} {...props} />;
}
