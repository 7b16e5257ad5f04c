package io.vidyut.mdm.billing.cycles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/billing/consumption-summary")
@Tag(name = "Billing", description = "Billing-grade (VEE-processed) data, locked periods and corrections")
class ConsumptionSummaryController {
    private static final String FILTERS = "Stored (default): the latest version of each consumer-period from billing runs, "
            + "filtered by run_id, periods ending from first_day to last_day, node_id (consumers supplied under it), category, "
            + "account_no (one consumer) and status (READY, EXCEPTION, ACCEPTED). source=COMPUTED: computed now for first_day–last_day (at most 62 days) "
            + "for the consumers under node_id (required, at most 20,000 under it), at most 300 a page; nothing is stored.";
    private final ConsumptionSummary summary;

    ConsumptionSummaryController(ConsumptionSummary summary) {
        this.summary = summary;
    }

    @GetMapping(produces = "application/json")
    @Roles.Readers
    @Operation(summary = "Billing determinants per consumer and cycle or any period: energy by ToD zone, MD with time, power "
            + "factor, net metering, register reads, coverage, exceptions", description = FILTERS + " CSV with format=csv.")
    Page<ConsumptionSummary.SummaryLine> json(@RequestParam(defaultValue = "STORED") String source,
                                              @RequestParam(name = "run_id", required = false) UUID runId,
                                              @RequestParam(name = "first_day", required = false) LocalDate firstDay,
                                              @RequestParam(name = "last_day", required = false) LocalDate lastDay,
                                              @RequestParam(name = "node_id", required = false) UUID nodeId,
                                              @RequestParam(required = false) String category,
                                              @RequestParam(name = "account_no", required = false) String accountNo,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return summary.find(query(source, runId, firstDay, lastDay, nodeId, category, accountNo, status), new PageRequest(page, size));
    }

    @GetMapping(params = "format=csv")
    @Roles.Readers
    @Operation(summary = "The consumption summary page as CSV", description = FILTERS)
    @ApiResponse(responseCode = "200", description = "CSV with a header line; a kwh_<zone> column per ToD zone on the page",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void csv(@Parameter(description = "csv") @RequestParam String format, @RequestParam(defaultValue = "STORED") String source,
             @RequestParam(name = "run_id", required = false) UUID runId,
             @RequestParam(name = "first_day", required = false) LocalDate firstDay,
             @RequestParam(name = "last_day", required = false) LocalDate lastDay,
             @RequestParam(name = "node_id", required = false) UUID nodeId,
             @RequestParam(required = false) String category,
             @RequestParam(name = "account_no", required = false) String accountNo, @RequestParam(required = false) String status,
             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "1000") int size,
             HttpServletResponse response) throws IOException {
        var lines = summary.find(query(source, runId, firstDay, lastDay, nodeId, category, accountNo, status), new PageRequest(page, size));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("X-Total-Count", String.valueOf(lines.total()));
        SummaryCsv.write(lines.items(), response.getWriter());
    }

    private static ConsumptionSummary.Query query(String source, UUID runId, LocalDate firstDay, LocalDate lastDay, UUID nodeId,
                                                  String category, String accountNo, String status) {
        return new ConsumptionSummary.Query(parse(ConsumptionSummary.Source.class, "source", source), runId, firstDay, lastDay,
                nodeId, blankAsNull(category), blankAsNull(accountNo),
                status == null ? null : parse(DeterminantStore.Status.class, "status", status));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldErrorsException.of(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
