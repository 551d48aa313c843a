/** Word lists for generated profiles, groups and apps. */

export const FIRST_NAMES = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adam', 'Aiko', 'Alejandro', 'Alice', 'Amara', 'Amir', 'Ana', 'Andre', 'Anika',
  'Ben', 'Bianca', 'Boris', 'Brianna', 'Carlos', 'Chen', 'Chloe', 'Chidi', 'Daniel', 'Dara', 'David', 'Diego',
  'Elena', 'Elif', 'Emeka', 'Emma', 'Ethan', 'Fatima', 'Felix', 'Fiona', 'Gabriel', 'Grace', 'Hana', 'Hannah',
  'Hiro', 'Ibrahim', 'Ines', 'Isaac', 'Ivan', 'Jack', 'Jamal', 'Jana', 'Jin', 'Julia', 'Kai', 'Karim', 'Kate',
  'Kofi', 'Lars', 'Laura', 'Leila', 'Liam', 'Lucia', 'Maria', 'Mateo', 'Maya', 'Mei', 'Mohammed', 'Nadia',
  'Naomi', 'Nina', 'Noah', 'Olivia', 'Omar', 'Oscar', 'Priya', 'Rafael', 'Rania', 'Ravi', 'Rosa', 'Sam',
  'Sara', 'Sofia', 'Tariq', 'Thomas', 'Uma', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zoe', 'Zara',
] as const;

export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Ahmed', 'Alvarez', 'Andersen', 'Bauer', 'Becker', 'Brown', 'Carter', 'Chen', 'Costa',
  'Dubois', 'Duarte', 'Eriksson', 'Fischer', 'Fernandez', 'Garcia', 'Gupta', 'Hansen', 'Hernandez', 'Ito',
  'Ivanova', 'Jensen', 'Johnson', 'Kaur', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Lopez', 'Martin',
  'Meyer', 'Mohamed', 'Moreau', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Olsen', 'Park', 'Patel', 'Pereira',
  'Petrov', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Taylor', 'Torres',
  'Varga', 'Wagner', 'Wang', 'Williams', 'Wilson', 'Yamamoto', 'Yilmaz', 'Zhang', 'Zimmermann',
] as const;

export const DEPARTMENTS = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'IT', 'Legal', 'Operations',
  'Customer Success', 'Product', 'Security', 'Facilities',
] as const;

export const TITLES = [
  'Analyst', 'Associate', 'Specialist', 'Engineer', 'Senior Engineer', 'Manager', 'Senior Manager',
  'Director', 'Coordinator', 'Consultant', 'Administrator', 'Lead',
] as const;

export const CITIES: readonly (readonly [city: string, countryCode: string, phonePrefix: string])[] = [
  ['San Francisco', 'US', '+1 415'], ['New York', 'US', '+1 212'], ['Austin', 'US', '+1 512'],
  ['Toronto', 'CA', '+1 416'], ['London', 'GB', '+44 20'], ['Dublin', 'IE', '+353 1'],
  ['Berlin', 'DE', '+49 30'], ['Paris', 'FR', '+33 1'], ['Madrid', 'ES', '+34 91'],
  ['Amsterdam', 'NL', '+31 20'], ['Stockholm', 'SE', '+46 8'], ['Warsaw', 'PL', '+48 22'],
  ['Bangalore', 'IN', '+91 80'], ['Singapore', 'SG', '+65 6'], ['Tokyo', 'JP', '+81 3'],
  ['Sydney', 'AU', '+61 2'], ['São Paulo', 'BR', '+55 11'], ['Mexico City', 'MX', '+52 55'],
];

export const EMPLOYMENT_TYPES = ['Full-time', 'Part-time', 'Contractor', 'Intern'] as const;

export const GROUP_AREAS = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'HR', 'IT', 'Legal', 'Operations', 'Support', 'Product',
  'Security', 'Design', 'Data', 'Platform', 'Mobile', 'Infrastructure', 'Recruiting', 'Payroll', 'Procurement',
] as const;

export const GROUP_QUALIFIERS = [
  'Team', 'Leads', 'Managers', 'Contractors', 'EMEA', 'APAC', 'Americas', 'Admins', 'Readers', 'On-call',
  'VPN Users', 'Laptop Fleet', 'Project Phoenix', 'Project Atlas', 'All Hands', 'Alumni',
] as const;

export const APP_LABELS = [
  'Salesforce', 'Slack', 'Zoom', 'GitHub', 'Jira', 'Confluence', 'Workday', 'Box', 'Dropbox', 'ServiceNow',
  'Zendesk', 'AWS Console', 'Google Workspace', 'Microsoft 365', 'Tableau', 'DocuSign', 'Figma', 'Notion',
  'Asana', 'Miro', 'HubSpot', 'Gusto', 'Expensify', 'Datadog', 'PagerDuty', 'Okta Workflows', 'Greenhouse',
  'Lucidchart', 'Snowflake', 'Intranet', 'Benefits Portal', 'Travel Booking', 'Learning Hub', 'Payroll',
] as const;
