// The message catalogs: a common file per language plus one per feature,
// each with its own top-level namespaces (no key appears in two files).
import commonEn from './messages/en.json';
import commonJa from './messages/ja.json';
import partnershipsEn from './messages/partnerships/en.json';
import partnershipsJa from './messages/partnerships/ja.json';
import emailEn from './messages/email/en.json';
import emailJa from './messages/email/ja.json';
import vendorEn from './messages/vendor/en.json';
import vendorJa from './messages/vendor/ja.json';
import ordersEn from './messages/orders/en.json';
import ordersJa from './messages/orders/ja.json';
import offersEn from './messages/offers/en.json';
import offersJa from './messages/offers/ja.json';
import subscriptionsEn from './messages/subscriptions/en.json';
import subscriptionsJa from './messages/subscriptions/ja.json';
import relationshipsEn from './messages/relationships/en.json';
import relationshipsJa from './messages/relationships/ja.json';
import reportsEn from './messages/reports/en.json';
import reportsJa from './messages/reports/ja.json';
import appsEn from './messages/apps/en.json';
import appsJa from './messages/apps/ja.json';
import webhooksEn from './messages/webhooks/en.json';
import webhooksJa from './messages/webhooks/ja.json';
import usersEn from './messages/users/en.json';
import adminRelationshipsEn from './messages/admin-relationships/en.json';
import adminRelationshipsJa from './messages/admin-relationships/ja.json';
import usersJa from './messages/users/ja.json';
import mfaEn from './messages/mfa/en.json';
import mfaJa from './messages/mfa/ja.json';

export const CATALOGS = {
  en: {
    ...commonEn,
    ...partnershipsEn,
    ...emailEn,
    ...vendorEn,
    ...ordersEn,
    ...offersEn,
    ...subscriptionsEn,
    ...relationshipsEn,
    ...reportsEn,
    ...appsEn,
    ...webhooksEn,
    ...usersEn,
    ...adminRelationshipsEn,
    ...mfaEn,
  },
  ja: {
    ...commonJa,
    ...partnershipsJa,
    ...emailJa,
    ...vendorJa,
    ...ordersJa,
    ...offersJa,
    ...subscriptionsJa,
    ...relationshipsJa,
    ...reportsJa,
    ...appsJa,
    ...webhooksJa,
    ...usersJa,
    ...adminRelationshipsJa,
    ...mfaJa,
  },
} as const;
