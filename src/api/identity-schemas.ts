// Request and response schemas of user administration, the audit trail and sign-in through the
// region's identity provider (validation, types and OpenAPI).
import { Type, type TSchema } from 'typebox';
import { Role } from './schemas.ts';

const OrgCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' });
export const UserParams = Type.Object({ orgCode: OrgCode, userId: Type.Integer({ minimum: 1 }) });
export const UserRoleParams = Type.Object({ orgCode: OrgCode, userId: Type.Integer({ minimum: 1 }), roleOrgCode: OrgCode });

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const AdminUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  disabled: Type.Boolean(),
  hasPassword: Type.Boolean({ description: 'Har ett lokalt lösenord (annars bara inloggning via regionens inloggning)' }),
  oidc: Nullable(Type.Object({ issuer: Type.String(), subject: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  roles: Type.Array(Type.Object({
    orgCode: Type.String(), orgName: Type.String(), role: Role, roleName: Type.String(), municipalityCode: Nullable(Type.String()),
  })),
  manageable: Type.Boolean({ description: 'Administratören når alla användarens roller och får ändra kontot' }),
});

export const UserList = Type.Object({
  users: Type.Array(AdminUser),
  organisations: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() })),
  municipalities: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  oidcIssuer: Nullable(Type.String()),
});

export const NewUserBody = Type.Object({
  username: Type.String({ maxLength: 64 }),
  displayName: Type.String({ maxLength: 120 }),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  password: Type.Optional(Type.String({ maxLength: 200, description: 'Minst 12 tecken; utelämnas för en användare som bara loggar in via regionens inloggning' })),
}, { additionalProperties: false });

export const UpdateUserBody = Type.Object({
  displayName: Type.Optional(Type.String({ maxLength: 120 })),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
}, { additionalProperties: false, minProperties: 1 });

export const PasswordBody = Type.Object({ password: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
export const DisabledBody = Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false });
export const OidcLinkBody = Type.Object({
  subject: Type.String({ maxLength: 255 }),
  issuer: Type.Optional(Type.String({ maxLength: 500, description: 'Standard: den utfärdare servern är inställd på' })),
}, { additionalProperties: false });
export const RoleBody = Type.Object({
  role: Role,
  municipalityCode: Type.Optional(Nullable(Type.String({ maxLength: 4 }))),
}, { additionalProperties: false });

export const AuditQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 10, description: 'Från och med dag (ÅÅÅÅ-MM-DD, UTC)' })),
  to: Type.Optional(Type.String({ maxLength: 10, description: 'Till och med dag (ÅÅÅÅ-MM-DD, UTC)' })),
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
}, { additionalProperties: false });

export const AuditEntry = Type.Object({
  seq: Type.Integer({ description: 'Postens nummer i hashkedjan' }),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(), action: Type.String(), entity: Type.String(), entityId: Type.String(),
  before: Type.Unknown(), after: Type.Unknown(),
});

export const AuditList = Type.Object({ entries: Type.Array(AuditEntry), limit: Type.Integer(), more: Type.Boolean() });

export const ChainStatus = Type.Object({
  intact: Type.Boolean(), entries: Type.Integer(), headHash: Nullable(Type.String()),
  problems: Type.Array(Type.String()), checkedAt: Type.String({ format: 'date-time' }),
});

export const AuthOptions = Type.Object({
  oidc: Nullable(Type.Object({ label: Type.String(), startUrl: Type.String() })),
  /** Messages for `?fel=<code>` on the login page after a failed sign-in through the provider. */
  oidcErrors: Type.Record(Type.String(), Type.String()),
});

export const OidcStartQuery = Type.Object({ till: Type.Optional(Type.String({ maxLength: 500 })) });
