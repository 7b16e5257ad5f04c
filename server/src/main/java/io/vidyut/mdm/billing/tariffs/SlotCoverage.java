package io.vidyut.mdm.billing.tariffs;

import io.vidyut.mdm.billing.tariffs.CategoryTariff.TodSlot;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether time-of-day slots cover every day of the year exactly once: for each month, each minute of the day must
 * lie in one slot of that month. Problems name the months and the stretch of the day, e.g. "Apr–Sep: 14:00–15:00 is
 * in no slot". Slots are expected to be individually valid (times and months present and in range).
 */
final class SlotCoverage {
    private static final int DAY_MINUTES = 24 * 60;

    private SlotCoverage() {}

    static List<String> problems(List<TodSlot> slots) {
        // the same problem in several months is said once, with its months
        Map<String, List<Integer>> monthsByProblem = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            for (String problem : problemsOfMonth(slots, month)) {
                monthsByProblem.computeIfAbsent(problem, p -> new ArrayList<>()).add(month);
            }
        }
        List<String> problems = new ArrayList<>();
        monthsByProblem.forEach((problem, months) -> problems.add(monthNames(months) + ": " + problem));
        return problems;
    }

    private static List<String> problemsOfMonth(List<TodSlot> slots, int month) {
        int[] cover = new int[DAY_MINUTES];
        for (TodSlot slot : slots) {
            if (!slot.inMonth(month)) continue;
            int from = minuteOf(slot.from());
            int to = minuteOf(slot.to());
            int length = to > from ? to - from : DAY_MINUTES - from + to; // past midnight, or all day when to = from
            for (int i = 0; i < length; i++) cover[(from + i) % DAY_MINUTES]++;
        }
        List<Run> runs = new ArrayList<>();
        int start = 0;
        while (start < DAY_MINUTES) {
            int end = start;
            while (end < DAY_MINUTES && Integer.compare(cover[end], 1) == Integer.compare(cover[start], 1)) end++;
            runs.add(new Run(start, end, Integer.compare(cover[start], 1)));
            start = end;
        }
        // a stretch across midnight is one stretch: 22:00–06:00, not 00:00–06:00 and 22:00–24:00
        Run first = runs.get(0);
        Run last = runs.get(runs.size() - 1);
        if (runs.size() > 1 && first.kind() == last.kind()) {
            runs.remove(runs.size() - 1);
            runs.set(0, new Run(last.from(), first.to(), first.kind()));
        }
        List<String> problems = new ArrayList<>();
        for (Run run : runs) {
            if (run.kind() < 0) problems.add(stretch(run.from(), run.to()) + " is in no slot");
            if (run.kind() > 0) problems.add(stretch(run.from(), run.to()) + " is in more than one slot");
        }
        return problems;
    }

    /** Minutes {@code from} to {@code to} covered by no slot (kind −1), one (0) or several (1). */
    private record Run(int from, int to, int kind) {}

    private static int minuteOf(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static String stretch(int from, int to) {
        return clock(from) + "–" + clock(to);
    }

    private static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    /** Runs of consecutive months as ranges: [1, 2, 3, 7] is "Jan–Mar, Jul". */
    private static String monthNames(List<Integer> months) {
        if (months.size() == 12) return "all year";
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < months.size()) {
            int j = i;
            while (j + 1 < months.size() && months.get(j + 1) == months.get(j) + 1) j++;
            runs.add(j == i ? name(months.get(i)) : name(months.get(i)) + "–" + name(months.get(j)));
            i = j + 1;
        }
        return String.join(", ", runs);
    }

    private static String name(int month) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
