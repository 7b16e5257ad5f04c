package io.vidyut.mdm.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A consumer's service point: the account, where it is, how it is supplied and which DT feeds it. */
public record ConsumerAccount(UUID id, String accountNo, String name, String address, BigDecimal latitude,
                              BigDecimal longitude, String tariffCategory, BigDecimal sanctionedLoadKw,
                              SupplyMode supplyMode, boolean netMetered, UUID dtId, Instant createdAt) {}
