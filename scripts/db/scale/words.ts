// Word lists for the scale data's names. Combined by hash in SQL (sql.ts), so
// names vary and rarely repeat (≈1.5 million company name combinations), while
// common words ("Bank", "Labs", "Harbor") make searches hit many rows, as in
// a real distributor's customer base. No apostrophes: they are inlined as SQL
// literals.

export const COMPANY_FIRST = [
  'Alpine', 'Amber', 'Apex', 'Aspen', 'Atlas', 'Bayside', 'Beacon', 'Birch', 'Blueridge', 'Boulder',
  'Bright', 'Cascade', 'Cedar', 'Central', 'Coastal', 'Cobalt', 'Copper', 'Crescent', 'Crystal', 'Delta',
  'Eagle', 'Emerald', 'Evergreen', 'Falcon', 'First', 'Frontier', 'Golden', 'Granite', 'Harbor', 'Harvest',
  'Highland', 'Horizon', 'Ironwood', 'Juniper', 'Keystone', 'Lakeside', 'Liberty', 'Lighthouse', 'Maple', 'Meridian',
  'Metro', 'Midland', 'Northgate', 'Oakwood', 'Orchard', 'Pacific', 'Pinecrest', 'Pioneer', 'Prairie', 'Redwood',
  'Riverside', 'Sierra', 'Silverline', 'Summit', 'Sunrise', 'Tidewater', 'Trinity', 'Valley', 'Vista', 'Westfield',
  'Willow', 'Woodland', 'Zenith', 'Adams', 'Baker', 'Carter', 'Douglas', 'Ellis', 'Fisher', 'Grant',
  'Hayes', 'Ito', 'Kato', 'Lopez', 'Miller', 'Nakamura', 'Owens', 'Patel', 'Quinn', 'Reyes',
  'Sato', 'Tanaka', 'Walsh', 'Young',
];

/** Empty strings make the middle word optional. */
export const COMPANY_SECOND = [
  '', '', '', '', '', '', '', '', '', '', 'Bay', 'Creek', 'Field', 'Hill', 'Lake', 'Park', 'Point', 'Springs',
  'Stone', 'View', 'Brook', 'Crest', 'Dale', 'Glen', 'Grove', 'Haven', 'Mill', 'Port', 'Shore', 'Vale', 'Ridge', 'Peak',
];

export const INDUSTRY = [
  'Bank', 'Savings Bank', 'Credit Union', 'Labs', 'Laboratories', 'Dental', 'Clinic', 'Health', 'Pharmacy', 'Veterinary',
  'Logistics', 'Freight', 'Motors', 'Auto Repair', 'Bakery', 'Foods', 'Brewing', 'Coffee', 'Catering', 'Construction',
  'Builders', 'Roofing', 'Plumbing', 'Electric', 'Energy', 'Solar', 'Legal', 'Law Group', 'Accounting', 'Insurance',
  'Realty', 'Properties', 'Architects', 'Engineering', 'Design Studio', 'Media', 'Printing', 'Marketing', 'Consulting', 'Software',
  'Robotics', 'Analytics', 'Academy', 'School', 'Fitness', 'Outfitters', 'Apparel', 'Hotels', 'Travel', 'Marine',
  'Farms', 'Gardens', 'Florist', 'Pet Supplies', 'Hardware', 'Furniture',
];

export const LEGAL_SUFFIX = ['Inc.', 'LLC', 'Ltd', 'Co.', 'Group', '', '', 'Corp.', 'GmbH', 'KK'];

export const RESELLER_KIND = [
  'IT Solutions', 'Technologies', 'Cloud Services', 'Systems', 'IT Consulting', 'Networks', 'Digital', 'IT Services',
  'Computing', 'Managed Services', 'Tech Partners', 'Cloud Partners',
];

export const PROVIDER_NAMES = [
  'Contoso', 'Litware', 'Proseware', 'Wide World', 'Lucerne', 'Trey', 'Coho', 'Margie', 'Humongous', 'Wingtip',
  'Graphic Design', 'Alpine', 'Blue Yonder', 'City Power', 'Consolidated', 'Relecloud', 'VanArsdel', 'Munson', 'Best For You', 'First Up',
];

export const FIRST_NAMES = [
  'Alex', 'Maria', 'James', 'Yuki', 'Priya', 'Daniel', 'Sofia', 'Liam', 'Emma', 'Noah', 'Olivia', 'Hiro', 'Aiko', 'Lucas',
  'Mia', 'Ethan', 'Chloe', 'Omar', 'Fatima', 'Chen', 'Wei', 'Anna', 'David', 'Sara', 'Kenji', 'Grace', 'Ivan', 'Elena',
  'Tom', 'Nina',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Garcia', 'Tanaka', 'Suzuki', 'Brown', 'Wilson', 'Martin', 'Lee', 'Walker', 'Hall', 'Allen',
  'King', 'Wright', 'Scott', 'Green', 'Baker', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Yamamoto', 'Kobayashi',
  'Schmidt', 'Muller', 'Dubois', 'Rossi', 'Novak', 'Silva',
];

export const STREETS = [
  'Main St', 'Oak Ave', 'Pine St', 'Maple Ave', 'Cedar Rd', 'Elm St', 'Lake Dr', 'Hill Rd', 'Park Ave', 'River Rd',
  'Market St', 'Harbor Way', 'Mill Ln', 'Church St', 'Station Rd', 'High St', 'Sunset Blvd', 'Broadway', 'Spring St', 'Ridge Rd',
];

/** Where customers and partners are: city, region, postal code, country, language, phone prefix (one row each). */
export const PLACES: [city: string, region: string, postalCode: string, country: string, language: string, phone: string][] = [
  ['Seattle', 'WA', '98101', 'US', 'en', '+1 206 555'],
  ['Redmond', 'WA', '98052', 'US', 'en', '+1 425 555'],
  ['Portland', 'OR', '97201', 'US', 'en', '+1 503 555'],
  ['San Francisco', 'CA', '94105', 'US', 'en', '+1 415 555'],
  ['Los Angeles', 'CA', '90012', 'US', 'en', '+1 213 555'],
  ['Denver', 'CO', '80202', 'US', 'en', '+1 303 555'],
  ['Austin', 'TX', '78701', 'US', 'en', '+1 512 555'],
  ['Chicago', 'IL', '60601', 'US', 'en', '+1 312 555'],
  ['Atlanta', 'GA', '30303', 'US', 'en', '+1 404 555'],
  ['Boston', 'MA', '02108', 'US', 'en', '+1 617 555'],
  ['New York', 'NY', '10001', 'US', 'en', '+1 212 555'],
  ['Miami', 'FL', '33130', 'US', 'en', '+1 305 555'],
  ['Toronto', 'ON', 'M5H 2N2', 'CA', 'en', '+1 416 555'],
  ['Vancouver', 'BC', 'V6B 1A1', 'CA', 'en', '+1 604 555'],
  ['Tokyo', 'Tokyo', '100-0005', 'JP', 'ja', '+81 3 5550'],
  ['Osaka', 'Osaka', '530-0001', 'JP', 'ja', '+81 6 5550'],
  ['Kyoto', 'Kyoto', '600-8216', 'JP', 'ja', '+81 75 555'],
  ['London', 'England', 'EC1A 1BB', 'GB', 'en', '+44 20 7946'],
  ['Manchester', 'England', 'M1 1AE', 'GB', 'en', '+44 161 496'],
  ['Sydney', 'NSW', '2000', 'AU', 'en', '+61 2 5550'],
];

export const REGIONS_SERVED = ['United States', 'Canada', 'Japan', 'United Kingdom', 'Australia', 'Germany', 'France', 'Brazil'];
