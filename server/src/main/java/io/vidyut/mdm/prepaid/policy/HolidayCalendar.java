package io.vidyut.mdm.prepaid.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tenant's public holidays (tenant-local days) with their names, as far as they were loaded: a day outside the span
 * loaded is taken as no holiday, so load the span the question looks at ({@link PrepaidPolicyStore#inForce()} loads
 * from yesterday to {@link AllowedWindows#SEARCH_DAYS} ahead).
 *
 * @param names each holiday and its name
 */
public record HolidayCalendar(Map<LocalDate, String> names) {
    public static final HolidayCalendar NONE = new HolidayCalendar(Map.of());

    public HolidayCalendar {
        names = Collections.unmodifiableMap(new TreeMap<>(names));
    }

    /** Holidays without names (tests, callers that know only the days). */
    public static HolidayCalendar of(Set<LocalDate> days) {
        return new HolidayCalendar(days.stream().collect(Collectors.toMap(Function.identity(), day -> "holiday")));
    }

    public static HolidayCalendar of(LocalDate... days) {
        return of(Set.of(days));
    }

    public Set<LocalDate> days() {
        return names.keySet();
    }

    public boolean isHoliday(LocalDate day) {
        return names.containsKey(day);
    }

    /** The holiday's name, null when the day is none. */
    public String nameOf(LocalDate day) {
        return names.get(day);
    }
}
