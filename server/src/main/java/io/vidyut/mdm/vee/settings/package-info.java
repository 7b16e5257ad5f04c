/**
 * What VEE judges a meter by: each tenant's settings per meter class, versioned ({@link
 * io.vidyut.mdm.vee.settings.VeeSettingsService}), the meter's facts from the meters and network modules, cached
 * ({@link io.vidyut.mdm.vee.settings.MeterProfiles}), and the deployment's {@code mdm.vee} properties. Internal to
 * the module: its public types are for vee's other packages only.
 */
package io.vidyut.mdm.vee.settings;
