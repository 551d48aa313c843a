import { oktaErrors } from './errors';

/** The profile attributes of the fake org: Okta's base attributes plus two custom ones. */
interface Attribute {
  title: string;
  type: 'string';
  format?: 'email' | 'country-code';
  minLength?: number;
  maxLength?: number;
  required?: boolean;
}

const BASE: Record<string, Attribute> = {
  login: { title: 'Username', type: 'string', required: true, minLength: 5, maxLength: 100 },
  firstName: { title: 'First name', type: 'string', required: true, minLength: 1, maxLength: 50 },
  lastName: { title: 'Last name', type: 'string', required: true, minLength: 1, maxLength: 50 },
  middleName: { title: 'Middle name', type: 'string' },
  honorificPrefix: { title: 'Honorific prefix', type: 'string' },
  honorificSuffix: { title: 'Honorific suffix', type: 'string' },
  email: { title: 'Primary email', type: 'string', required: true, format: 'email', minLength: 5, maxLength: 100 },
  title: { title: 'Title', type: 'string' },
  displayName: { title: 'Display name', type: 'string' },
  nickName: { title: 'Nickname', type: 'string' },
  profileUrl: { title: 'Profile Url', type: 'string' },
  secondEmail: { title: 'Secondary email', type: 'string', format: 'email', maxLength: 100 },
  mobilePhone: { title: 'Mobile phone', type: 'string', maxLength: 100 },
  primaryPhone: { title: 'Primary phone', type: 'string', maxLength: 100 },
  streetAddress: { title: 'Street address', type: 'string', maxLength: 1024 },
  city: { title: 'City', type: 'string', maxLength: 128 },
  state: { title: 'State', type: 'string', maxLength: 128 },
  zipCode: { title: 'Zip code', type: 'string', maxLength: 50 },
  countryCode: { title: 'Country code', type: 'string', format: 'country-code', maxLength: 2 },
  postalAddress: { title: 'Postal Address', type: 'string', maxLength: 4096 },
  preferredLanguage: { title: 'Preferred language', type: 'string' },
  locale: { title: 'Locale', type: 'string' },
  timezone: { title: 'Time zone', type: 'string' },
  userType: { title: 'User type', type: 'string' },
  employeeNumber: { title: 'Employee number', type: 'string' },
  costCenter: { title: 'Cost center', type: 'string' },
  organization: { title: 'Organization', type: 'string' },
  division: { title: 'Division', type: 'string' },
  department: { title: 'Department', type: 'string' },
  managerId: { title: 'ManagerId', type: 'string' },
  manager: { title: 'Manager', type: 'string' },
};

const CUSTOM: Record<string, Attribute> = {
  startDate: { title: 'Start date', type: 'string', maxLength: 10 },
  employmentType: { title: 'Employment type', type: 'string' },
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function attributeSchema(attribute: Attribute): Record<string, unknown> {
  const { required = false, ...rest } = attribute;
  return {
    ...rest,
    required,
    mutability: 'READ_WRITE',
    scope: 'NONE',
    permissions: [{ principal: 'SELF', action: 'READ_WRITE' }],
    master: { type: 'PROFILE_MASTER' },
  };
}

/** GET /meta/schemas/user/default */
export function userSchemaBody(baseUrl: string, anchor: string): Record<string, unknown> {
  const section = (id: string, attributes: Record<string, Attribute>) => ({
    id,
    type: 'object',
    properties: Object.fromEntries(Object.entries(attributes).map(([name, a]) => [name, attributeSchema(a)])),
    required: Object.entries(attributes)
      .filter(([, a]) => a.required)
      .map(([name]) => name),
  });
  return {
    id: `${baseUrl}/meta/schemas/user/default`,
    $schema: 'http://json-schema.org/draft-04/schema#',
    name: 'user',
    title: 'Default Okta User',
    created: anchor,
    lastUpdated: anchor,
    definitions: { base: section('#base', BASE), custom: section('#custom', CUSTOM) },
    type: 'object',
    properties: { profile: { allOf: [{ $ref: '#/definitions/base' }, { $ref: '#/definitions/custom' }] } },
    _links: { self: { href: `${baseUrl}/api/v1/meta/schemas/user/default`, method: 'GET', rel: 'self' } },
  };
}

/**
 * Checks a profile (whole for create, partial for update) against the schema and returns it typed.
 * Unknown attributes, wrong types, bad emails and missing required attributes give Okta's E0000001.
 */
export function validateProfile(input: unknown, mode: 'create' | 'update'): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw oktaErrors.validation('profile', ['profile: The field cannot be left blank']);
  }
  const causes: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    const attribute = BASE[name] ?? CUSTOM[name];
    if (!attribute) {
      causes.push(`Property name '${name}' is not defined in profile`);
      continue;
    }
    if (value === null) {
      if (attribute.required) causes.push(`${name}: The field cannot be left blank`);
      continue;
    }
    if (typeof value !== 'string') {
      causes.push(`${name}: Does not match required type string`);
      continue;
    }
    if (attribute.minLength !== undefined && value.length < attribute.minLength) causes.push(`${name}: The field is too short`);
    if (attribute.maxLength !== undefined && value.length > attribute.maxLength) causes.push(`${name}: The field is too long`);
    if (attribute.format === 'email' && !EMAIL.test(value)) causes.push(`${name}: Does not match required pattern`);
  }
  if (mode === 'create') {
    for (const [name, attribute] of Object.entries(BASE)) {
      if (attribute.required && (input as Record<string, unknown>)[name] == null) causes.push(`${name}: The field cannot be left blank`);
    }
  }
  if (causes.length > 0) throw oktaErrors.validation(causes.join('; '), causes);
  return input as Record<string, unknown>;
}
