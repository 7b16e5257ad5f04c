/**
 * Secrets at rest: the credentials of outside systems the MDM keeps (HES pull keys and broker passwords, webhook
 * signing secrets, later SMS, payment and DLMS keys) are stored sealed by envelope encryption under master keys that
 * never enter the database; the owning modules seal on write, open on use, and re-seal when the master key rotates.
 */
package io.vidyut.mdm.secrets;
