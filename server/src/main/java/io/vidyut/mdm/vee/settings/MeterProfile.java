package io.vidyut.mdm.vee.settings;

import io.vidyut.mdm.meters.MeterCategory;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What VEE needs to know about a meter beyond its readings: for the checks (class, CT × PT, sanctioned load, net
 * metering), for estimation (its DT) and for the exception queue (serial, vendor and DT, kept on each exception).
 */
public record MeterProfile(UUID meterId, String serial, MeterCategory category, BigDecimal multiplier, UUID vendorId,
                           BigDecimal sanctionedLoadKw, boolean netMetered, UUID dtId) {}
