package io.vidyut.mdm.billing.cycles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A computation of determinants for one period: a cycle's consumers, or named ones (a first or final bill). */
record BillingRun(UUID id, UUID cycleId, Kind kind, LocalDate firstDay, LocalDate lastDay, Status status, int consumersTotal,
                  int consumersDone, int exceptions, String error, String startedBy, Instant startedAt, Instant finishedAt) {

    /** CYCLE: a cycle's regular bill; FIRST on connection, FINAL on disconnection, INTERIM any other period. */
    enum Kind { CYCLE, FIRST, FINAL, INTERIM }

    enum Status { RUNNING, DONE, FAILED }
}
