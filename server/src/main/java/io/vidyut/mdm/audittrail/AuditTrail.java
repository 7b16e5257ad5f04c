package io.vidyut.mdm.audittrail;

/**
 * Records an audited action in the current tenant's trail (the platform's in platform scope), inside the caller's
 * transaction when there is one. Who and from where are taken from the request being served; the caller says what
 * happened to what. A failure to record fails the action: there is no action without its record.
 */
public interface AuditTrail {
    void record(AuditedAction action);
}
