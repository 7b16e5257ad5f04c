package io.vidyut.mdm.alarms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.reports.CommunicationLoss;
import io.vidyut.mdm.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/alarms")
@Tag(name = "Alarms", description = "Alarms the tenant's rules raise on meter events, and their lifecycle")
class AlarmController {
    private final Alarms alarms;
    private final AlarmRulesStore rules;
    private final AlarmStream stream;
    private final CommunicationLoss communicationLoss;
    private final Clock clock;

    AlarmController(Alarms alarms, AlarmRulesStore rules, AlarmStream stream, CommunicationLoss communicationLoss, Clock clock) {
        this.alarms = alarms;
        this.rules = rules;
        this.stream = stream;
        this.communicationLoss = communicationLoss;
        this.clock = clock;
    }

    /** An optional note kept with the alarm. */
    record Note(String note) {}

    @GetMapping
    @Roles.Readers
    @Operation(summary = "Alarms, newest first unless sorted", description = "Filter by status "
            + "(OPEN, ACKNOWLEDGED, RESOLVED), kind (TAMPER, POWER_QUALITY, DT_OUTAGE, FEEDER_OUTAGE), meter_id and network_node_id. "
            + "sort: raised_at, first_at, last_at, kind, place (meter serial or node code), status (lifecycle order), severity "
            + "(INFO < MINOR < MAJOR < CRITICAL), acknowledged_by, title or occurrences, with a leading '-' for descending; "
            + "ties by id; default -raised_at.")
    Page<Alarm> list(@RequestParam(required = false) AlarmStatus status, @RequestParam(required = false) AlarmKind kind,
                     @RequestParam(name = "meter_id", required = false) UUID meterId,
                     @RequestParam(name = "network_node_id", required = false) UUID networkNodeId,
                     @RequestParam(required = false) String sort,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return alarms.list(new Alarms.Filter(status, kind, meterId, networkNodeId), new PageRequest(page, size),
                AlarmSort.parse(sort));
    }

    @GetMapping("/{id}")
    @Roles.Readers
    @Operation(summary = "One alarm")
    Alarm get(@PathVariable UUID id) {
        return alarms.get(id);
    }

    @PostMapping("/{id}/acknowledge")
    @Roles.Operators
    @Operation(summary = "Acknowledge an open alarm (who and when are recorded)",
            description = "409 unless the alarm is OPEN.")
    Alarm acknowledge(@PathVariable UUID id, @RequestBody(required = false) Note note, Authentication caller) {
        return alarms.acknowledge(id, caller.getName(), note == null ? null : note.note());
    }

    @PostMapping("/{id}/resolve")
    @Roles.Operators
    @Operation(summary = "Resolve an alarm (who and when are recorded)",
            description = "409 when it is already resolved.")
    Alarm resolve(@PathVariable UUID id, @RequestBody(required = false) Note note, Authentication caller) {
        return alarms.resolve(id, caller.getName(), note == null ? null : note.note());
    }

    @GetMapping("/rules")
    @Roles.Readers
    @Operation(summary = "The tenant's alarm rules (defaults until saved)")
    AlarmRules rules() {
        return rules.current();
    }

    @PutMapping("/rules")
    @Roles.TenantAdmin
    @Operation(summary = "Save the tenant's alarm rules (validated; omitted fields take their defaults)",
            description = "422 with a reason per field.")
    AlarmRules saveRules(@RequestBody AlarmRules submitted, Authentication caller) {
        return rules.save(submitted, caller.getName());
    }

    @GetMapping("/communication-loss")
    @Roles.Readers
    @Operation(summary = "Exception report: meters in service not heard from (readings or events) for a while",
            description = "silent_hours defaults to the rules' "
                    + "communication_loss_hours (24 h unless changed); longest silent first.")
    Page<CommunicationLoss.SilentMeter> communicationLoss(@RequestParam(name = "silent_hours", required = false) Integer silentHours,
                                                      @RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "100") int size) {
        int hours = silentHours != null ? silentHours : rules.current().communicationLossHours();
        if (hours < 1) throw io.vidyut.mdm.common.FieldErrorsException.of("silent_hours", "at least 1");
        return communicationLoss.silentSince(clock.instant().minus(Duration.ofHours(hours)), new PageRequest(page, size));
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Roles.Readers
    @Operation(summary = "Live alarm changes of the tenant as Server-Sent Events",
            description = "First a 'ready' event, then one event per change named "
                    + "RAISED, REPEATED, UPDATED, ESCALATED, ACKNOWLEDGED or RESOLVED carrying the alarm; the stream ends after 30 "
                    + "minutes (reconnect).")
    SseEmitter stream() {
        return stream.open(TenantContext.requireTenantId());
    }
}
