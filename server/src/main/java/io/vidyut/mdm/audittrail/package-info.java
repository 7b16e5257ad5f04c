/**
 * The audit trail: every security-relevant and administrative action (sign-ins, users and roles, API keys,
 * tenants, vendor mappings, VEE settings and edits, alarm rules, webhooks, commands) with who, when, from where,
 * and the state before and after, secrets redacted.
 *
 * <p>Other modules record through {@link io.vidyut.mdm.audittrail.AuditTrail} inside the transaction of the action,
 * so an action and its record commit together or not at all. Rows are append-only (the application role may only
 * insert and read, and a trigger refuses changes) and chained per tenant by SHA-256 hashes, which
 * {@code GET /api/v1/audit-trail/verify} walks. The module depends on nothing but {@code common}: the tenant of a
 * record is the tenant of the transaction it is written in, as PostgreSQL's row-level security sees it.
 *
 * <p>Not to be confused with the energy audit (losses per feeder and DT), which the product brief reserves the
 * name {@code audit} for.
 */
package io.vidyut.mdm.audittrail;
