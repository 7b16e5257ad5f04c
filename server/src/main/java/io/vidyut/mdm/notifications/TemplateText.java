package io.vidyut.mdm.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a template: plain text with {@code {name}} placeholders, nothing else in braces. Rendering replaces
 * each placeholder with its value in one pass (a value is never read as a template itself).
 */
final class TemplateText {
    /** Anything in braces: a placeholder when its name is one of the kind's. */
    private static final Pattern BRACED = Pattern.compile("\\{([^{}]*)}");

    private TemplateText() {}

    /** The placeholders the text names, in order of first use. */
    static Set<String> placeholdersIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher braced = BRACED.matcher(text);
        while (braced.find()) names.add(braced.group(1));
        return names;
    }

    /** What is wrong with the text as a template whose placeholders may be {@code known}: empty when nothing is. */
    static List<String> problems(String text, Collection<String> known) {
        List<String> problems = new ArrayList<>();
        for (String name : placeholdersIn(text)) {
            if (!known.contains(name)) problems.add("unknown placeholder {" + name + "}; the placeholders are " + known);
        }
        String outside = BRACED.matcher(text).replaceAll("");
        if (outside.indexOf('{') >= 0 || outside.indexOf('}') >= 0) {
            problems.add("a { or } that is not part of a {placeholder}");
        }
        return problems;
    }

    /** The text with every placeholder replaced by its value; a placeholder without a value is an error. */
    static String render(String text, Map<String, String> values) {
        Matcher braced = BRACED.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (braced.find()) {
            String value = values.get(braced.group(1));
            if (value == null) throw new IllegalArgumentException("no value for the placeholder {" + braced.group(1) + "}");
            braced.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        braced.appendTail(out);
        return out.toString();
    }
}
