package io.vidyut.mdm.vee;

import io.vidyut.mdm.meters.MeterCategory;
import java.math.BigDecimal;
import java.util.UUID;

/** What the checks need to know about a meter beyond its readings. */
record MeterProfile(UUID meterId, MeterCategory category, BigDecimal multiplier, UUID vendorId,
                    BigDecimal sanctionedLoadKw, boolean netMetered, UUID dtId) {}
