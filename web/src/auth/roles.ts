/** Roles as the server names them (see the Role enum of the security package). */
export type Role = 'PLATFORM_ADMIN' | 'TENANT_ADMIN' | 'OPERATOR' | 'ANALYST' | 'FIELD_TECH' | 'CONSUMER';

/** Whether the holder of these roles has any of the allowed ones. */
export function hasAnyRole(roles: readonly string[], allowed: readonly Role[]): boolean {
  return allowed.some((role) => roles.includes(role));
}

/** Roles whose holders read meter data and the network. */
export const METER_READERS: readonly Role[] = ['TENANT_ADMIN', 'OPERATOR', 'ANALYST', 'FIELD_TECH'];
/** Roles whose holders see HES vendors and their mappings. */
export const VENDOR_READERS: readonly Role[] = ['TENANT_ADMIN', 'OPERATOR', 'ANALYST'];
/** Roles whose holders try sample payloads against a mapping and handle the ingest quarantine. */
export const INGEST_OPERATORS: readonly Role[] = ['TENANT_ADMIN', 'OPERATOR'];
/** Roles whose holders read the VEE queue, alarms, commands and interval history. */
export const DATA_ANALYSTS: readonly Role[] = VENDOR_READERS;
/** Roles whose holders resolve VEE exceptions, handle alarms and issue commands. */
export const DATA_OPERATORS: readonly Role[] = INGEST_OPERATORS;
export const TENANT_ADMINS: readonly Role[] = ['TENANT_ADMIN'];
/** Roles whose holders read tariffs, cycles, runs, determinants and exports, and preview bills. */
export const BILLING_READERS: readonly Role[] = ['TENANT_ADMIN', 'OPERATOR', 'ANALYST'];
/** Roles whose holders start billing runs, accept billing exceptions and export to a billing system. */
export const BILLING_OPERATORS: readonly Role[] = ['TENANT_ADMIN', 'OPERATOR'];
/** Roles whose holders add tariff versions and billing cycles. */
export const BILLING_ADMINS: readonly Role[] = ['TENANT_ADMIN'];
/** Roles whose holders read prepaid accounts, ledgers, recharges, switching and the disconnection policy. */
export const PREPAID_READERS: readonly Role[] = ['TENANT_ADMIN', 'OPERATOR', 'ANALYST'];
/** Roles whose holders take counter recharges and reconnect a prepaid consumer by hand. */
export const PREPAID_OPERATORS: readonly Role[] = ['TENANT_ADMIN', 'OPERATOR'];
export const PLATFORM_ADMINS: readonly Role[] = ['PLATFORM_ADMIN'];
/** Roles whose holders read the audit trail: a tenant's administrators, and the platform's for platform actions. */
export const AUDIT_READERS: readonly Role[] = ['TENANT_ADMIN', 'PLATFORM_ADMIN'];
