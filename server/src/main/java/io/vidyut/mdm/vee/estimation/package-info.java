/**
 * Estimation: {@link io.vidyut.mdm.vee.estimation.GapEstimation} finds gaps still open after the grace period (or
 * on demand) through the readings module's interval queries, picks a method and writes the estimates through the
 * store; {@code Estimator} holds the methods as pure functions over a {@code Timeline}. Internal to the module.
 */
package io.vidyut.mdm.vee.estimation;
