package io.vidyut.mdm.common;

import io.swagger.v3.oas.models.Operation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Opens every operation's description with the roles that may call it (""), read
 * from the {@code @PreAuthorize} that enforces them (mostly through a {@link Roles} annotation), so the document
 * says what the code does. Every endpoint states its roles, the public ones with {@link Roles.Anyone}.
 */
@Component
class RolesInApiDocs implements OperationCustomizer {
    /** What an endpoint without a role annotation gets: {@code ApiSecurityTest} refuses it. */
    static final String UNSTATED = "not stated";
    private static final Pattern ROLE_LIST = Pattern.compile("^hasAnyRole\\((.*)\\)$|^hasRole\\((.*)\\)$");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String roles = rolesOf(handler).map(RolesInApiDocs::describe).orElse(UNSTATED);
        String rest = operation.getDescription() == null || operation.getDescription().isBlank() ? ""
                : " " + operation.getDescription();
        return operation.description("Roles: " + roles + "." + rest);
    }

    private static Optional<String> rolesOf(HandlerMethod handler) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (onMethod != null) return Optional.of(onMethod.value());
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class))
                .map(PreAuthorize::value);
    }

    /** The roles of an expression in words: the ones {@link Roles} uses; anything else is shown as written. */
    static String describe(String expression) {
        String trimmed = expression.trim();
        if (trimmed.equals("permitAll()")) return "anonymous";
        if (trimmed.equals("isAuthenticated() and !hasRole('HES')")) return "any signed-in user";
        Matcher list = ROLE_LIST.matcher(trimmed);
        if (!list.matches()) return "`" + trimmed + "`";
        String roles = list.group(1) != null ? list.group(1) : list.group(2);
        List<String> names = List.of(roles.split(",")).stream().map(role -> role.trim().replace("'", "")).toList();
        return String.join(", ", names.stream().map(name -> name.equals("HES") ? "HES (X-API-Key)" : name).toList());
    }
}
