// The benchmark's default floor (`npm run bench`): the Customers list's
// layout with 50 fixed rows, as /bench-floor/customers (see floors.tsx).
export { default } from './customers/page';
