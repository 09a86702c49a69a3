// A 404 inside this group keeps its layout (header and navigation), as with
// Turbopack; webpack's build renders the root one without it otherwise.
export { default } from '../not-found';
