package io.vidyut.mdm.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document names each schema by its type's simple name: two types of the API with one simple name (two
 * records called Version in different modules) become one schema, and one of them is described wrongly to every
 * client generated from the document. So every type an endpoint takes or returns has a name of its own.
 */
class ApiSchemaNamesTest {
    @Test
    void no_two_types_of_the_api_share_a_simple_name() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Type> seen = new HashSet<>();
        int controllers = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.vidyut.mdm")) {
            controllers++;
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) continue;
                collect(method.getGenericReturnType(), byName, seen);
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) collect(parameter.getParameterizedType(), byName, seen);
                }
            }
        }
        assertThat(controllers).isGreaterThan(20);
        assertThat(byName).as("API types").hasSizeGreaterThan(50);
        byName.values().removeIf(types -> types.size() == 1);
        assertThat(byName).as("simple names shared by API types").isEmpty();
    }

    private static void collect(Type type, Map<String, Set<String>> byName, Set<Type> seen) {
        if (!seen.add(type)) return;
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), byName, seen);
            for (Type argument : parameterized.getActualTypeArguments()) collect(argument, byName, seen);
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), byName, seen);
        } else if (type instanceof Class<?> type1) {
            if (type1.isArray()) {
                collect(type1.getComponentType(), byName, seen);
                return;
            }
            if (type1.getPackageName().startsWith("io.vidyut.mdm") && !type1.isEnum()) {
                byName.computeIfAbsent(type1.getSimpleName(), n -> new TreeSet<>()).add(type1.getName());
            }
            if (type1.isRecord()) {
                for (RecordComponent component : type1.getRecordComponents()) collect(component.getGenericType(), byName, seen);
            }
        }
    }
}
