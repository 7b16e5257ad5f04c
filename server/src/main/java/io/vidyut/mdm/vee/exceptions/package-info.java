/**
 * The exceptions work queue ({@link io.vidyut.mdm.vee.exceptions.ExceptionQueue}): what validation and estimation
 * found, one row per meter, channel, rule and first interval, with the meter's labels kept on it; settling,
 * filtering, sorting, assignment, acceptance and the statistics. Internal to the module.
 */
package io.vidyut.mdm.vee.exceptions;
