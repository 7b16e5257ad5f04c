/**
 * Validation in the storing transaction: {@link io.vidyut.mdm.vee.validation.ReadingValidator} listens to the
 * store's {@code ReadingsStored}, runs the interval and register checks over what was written, records the findings
 * in the exception queue and counts what passed. Internal to the module.
 */
package io.vidyut.mdm.vee.validation;
