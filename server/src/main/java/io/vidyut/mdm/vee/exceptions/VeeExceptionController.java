package io.vidyut.mdm.vee.exceptions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.vee.VeeRule;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vee")
@Tag(name = "VEE", description = "Validation, estimation and editing of meter data")
class VeeExceptionController {
    private final ExceptionQueue queue;

    VeeExceptionController(ExceptionQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/exceptions")
    @Roles.Readers
    @Operation(summary = "The exceptions work queue, filtered by status, rule, meter, vendor, DT, assignee, age",
            description = "older_than_hours: detected at least that long ago. "
                    + "sort: detected_at (default), first_at, meter_serial, rule, channel, blocking, status (OPEN first) or "
                    + "assigned_to, with a leading '-' for descending; ties by id.")
    Page<VeeException> list(@RequestParam(required = false) String status, @RequestParam(required = false) VeeRule rule,
                            @RequestParam(name = "meter_id", required = false) UUID meterId,
                            @RequestParam(name = "vendor_id", required = false) UUID vendorId,
                            @RequestParam(name = "dt_id", required = false) UUID dtId,
                            @RequestParam(name = "assigned_to", required = false) String assignedTo,
                            @RequestParam(name = "older_than_hours", required = false) Integer olderThanHours,
                            @RequestParam(required = false) Boolean blocking,
                            @RequestParam(required = false) String sort,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queue.list(status, rule, meterId, vendorId, dtId, assignedTo, olderThanHours, blocking, new PageRequest(page, size),
                VeeExceptionSort.parse(sort));
    }

    @GetMapping("/exceptions/{id}")
    @Roles.Readers
    @Operation(summary = "One exception")
    VeeException get(@PathVariable UUID id) {
        return queue.get(id);
    }

    record Assignment(String assignee) {}

    @PostMapping("/exceptions/{id}/assign")
    @Roles.Operators
    @Operation(summary = "Assign an exception to a person")
    VeeException assign(@PathVariable UUID id, @RequestBody Assignment body) {
        return queue.assign(id, body.assignee());
    }

    // resolving (ACCEPT, EDIT, ESTIMATE, REPLACE) is vee.edits' ExceptionResolution: editing a range is an edit

    @GetMapping("/statistics")
    @Roles.Readers
    @Operation(summary = "Pass rates per vendor, exceptions per rule and vendor, and the estimated share, over tenant-local days",
            description = "Default: today.")
    ExceptionQueue.Statistics statistics(@RequestParam(required = false) java.time.LocalDate from,
                                         @RequestParam(required = false) java.time.LocalDate to) {
        return queue.statistics(from, to);
    }
}
