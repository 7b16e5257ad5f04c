import { DATA_ANALYSTS, DATA_OPERATORS, TENANT_ADMINS, type Role } from '../../../auth/roles';

// Named for billing, equal to the lists the server's @Roles.Readers / @Roles.Operators / @Roles.TenantAdmin hold.
/** Roles whose holders read cycles, runs, determinants and exports. */
export const BILLING_READERS: readonly Role[] = DATA_ANALYSTS;
/** Roles whose holders start runs, accept exceptions and export to a billing system. */
export const BILLING_OPERATORS: readonly Role[] = DATA_OPERATORS;
/** Roles whose holders add billing cycles. */
export const CYCLE_ADMINS: readonly Role[] = TENANT_ADMINS;
