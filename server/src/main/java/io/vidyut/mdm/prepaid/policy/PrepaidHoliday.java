package io.vidyut.mdm.prepaid.policy;

import java.time.Instant;
import java.time.LocalDate;

/** One of the tenant's public holidays: a tenant-local day on which disconnection is protected (if the policy says so). */
public record PrepaidHoliday(LocalDate day, String name, String updatedBy, Instant updatedAt) {}
