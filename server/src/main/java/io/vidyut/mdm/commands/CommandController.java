package io.vidyut.mdm.commands;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.security.MachineClient;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/commands")
@Tag(name = "Commands", description = "Connect, disconnect, on-demand read, load limit, time sync, routed to each meter's HES")
class CommandController {
    private final Commands commands;

    CommandController(Commands commands) {
        this.commands = commands;
    }

    /** The commands a request made (or had made before, for a repeated idempotency key). */
    record IssuedCommands(List<Command> commands) {}

    @PostMapping
    @Roles.Operators
    @Operation(summary = "Issue a command to one or many meters (one command per meter, routed to its HES)",
            description = "201 with the new commands; a repeated idempotency_key answers "
                    + "200 with the commands it made first. 404 for a meter outside the tenant, 409 when its HES has no "
                    + "command endpoint. LOAD_LIMIT needs params.limit_kw, RAW params.command.")
    ResponseEntity<IssuedCommands> issue(@RequestBody Commands.Issue issue, Authentication caller) {
        Commands.Issued issued = commands.issue(issue, caller.getName());
        return ResponseEntity.status(issued.created() ? 201 : 200).body(new IssuedCommands(issued.commands()));
    }

    @GetMapping
    @Roles.Readers
    @Operation(summary = "Commands, newest first", description = "Filter by meter_id and status.")
    Page<Command> list(@RequestParam(name = "meter_id", required = false) UUID meterId,
                       @RequestParam(required = false) CommandStatus status,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return commands.list(meterId, status, new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Roles.Readers
    @Operation(summary = "One command with who asked, each step's time and any failure reason")
    Command get(@PathVariable UUID id) {
        return commands.get(id);
    }

    /** A command's audit trail. */
    record History(UUID commandId, List<Commands.Transition> items) {}

    @GetMapping("/{id}/history")
    @Roles.Readers
    @Operation(summary = "The command's audit trail: every state change with when, who or what made it, and why",
            description = "Oldest first. actor is the user who asked or cancelled, "
                    + "mdm.dispatcher for the MDM's own steps (sending, retries, time-outs, reading results) or "
                    + "hes:<vendor code> for the HES's callbacks.")
    History history(@PathVariable UUID id) {
        return new History(id, commands.history(id));
    }

    @PostMapping("/{id}/cancel")
    @Roles.Operators
    @Operation(summary = "Cancel a command not yet sent", description = "409 once it was sent.")
    Command cancel(@PathVariable UUID id, Authentication caller) {
        return commands.cancel(id, caller.getName());
    }

    @PostMapping("/{id}/result")
    @Roles.Hes
    @Operation(summary = "HES callback: the command was acknowledged, executed or failed",
            description = "Only the vendor the command went to. Body: {\"status\": \"ACKNOWLEDGED\" | "
                    + "\"EXECUTED\" | \"FAILED\", \"reason\", \"reference\"}. 409 once the command has ended.")
    Command result(@PathVariable UUID id, @RequestBody Commands.Result result, @AuthenticationPrincipal MachineClient vendor) {
        return commands.report(id, vendor, result);
    }
}
