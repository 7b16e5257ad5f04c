package io.vidyut.mdm.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Roles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/feed")
@Tag(name = "Event feed", description = "What happened, in order: meter events, alarm changes, corrections, finished commands")
class FeedController {
    private final Feed feed;

    FeedController(Feed feed) {
        this.feed = feed;
    }

    /** A page of the feed and the position to ask after next (the last entry's, or {@code after} when none). */
    record FeedPage(List<FeedEntry> items, long nextAfter) {}

    @GetMapping
    @Roles.Readers
    @Operation(summary = "The tenant's event feed after a position, oldest first",
            description = "Page with after=next_after until items is empty, then "
                    + "poll. Positions only grow, and an entry never appears below a position already read. type: "
                    + "meter.event, alarm.changed, data.corrected, command.completed (repeatable). Entries are kept "
                    + "for mdm.feed.retention (7 days). With Kafka configured the same entries are on topic mdm.events.")
    FeedPage read(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
                  @RequestParam(name = "type", required = false) List<String> types,
                  @RequestParam(name = "meter_id", required = false) UUID meterId) {
        if (after < 0) throw FieldErrorsException.of("after", "must be 0 or a position from the feed");
        if (limit < 1 || limit > Feed.MAX_LIMIT) throw FieldErrorsException.of("limit", "must be 1 to " + Feed.MAX_LIMIT);
        List<FeedEntry> items = feed.after(after, limit, typesOf(types), meterId);
        return new FeedPage(items, items.isEmpty() ? after : items.get(items.size() - 1).position());
    }

    private static List<FeedType> typesOf(List<String> names) {
        List<FeedType> types = new ArrayList<>();
        if (names == null) return types;
        for (String name : names) {
            types.add(FeedType.ofWireName(name).orElseThrow(() -> FieldErrorsException.of("type", "unknown type " + name
                    + "; one of " + Arrays.stream(FeedType.values()).map(t -> t.wireName).toList())));
        }
        return types;
    }
}
