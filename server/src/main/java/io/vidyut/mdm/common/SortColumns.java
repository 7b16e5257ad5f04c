package io.vidyut.mdm.common;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a list may be sorted by: the names the API accepts ({@code sort=name} or
 * {@code sort=-name} for descending) and the SQL expression each stands for, plus a unique
 * tie-breaker so that paging through a sorted list never repeats or skips a row. The caller's text
 * only ever selects one of these expressions; it is never put into SQL itself.
 */
public record SortColumns(Map<String, String> expressions, String tieBreaker) {
    /** A column name the API accepted, and its direction. */
    public record Choice(String column, boolean descending) {}

    /** The column {@code text} names; empty for null or blank; 422 on {@code sort} for any other name. */
    public Optional<Choice> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        boolean descending = trimmed.startsWith("-");
        String column = descending ? trimmed.substring(1) : trimmed;
        if (!expressions.containsKey(column)) {
            throw FieldErrorsException.of("sort", "one of " + String.join(", ", expressions.keySet().stream().sorted().toList())
                    + ", optionally with a leading '-'");
        }
        return Optional.of(new Choice(column, descending));
    }

    /** The SQL order-by clause for a column this set holds, the tie-breaker going the same way. */
    public String orderBy(String column, boolean descending) {
        String direction = descending ? " desc" : "";
        String expression = expressions.get(column);
        return expression.equals(tieBreaker) ? expression + direction : expression + direction + ", " + tieBreaker + direction;
    }
}
