import { iso } from '../generate';
import { json } from '../reply';
import type { Route } from '../router';
import { userSchemaBody } from '../user-schema';

export const metaRoutes: Route[] = [
  {
    method: 'GET',
    path: '/meta/schemas/user/default',
    scope: 'okta.schemas',
    handle: ({ org, baseUrl }) => json(userSchemaBody(baseUrl, iso(org.anchor))),
  },
];
