package io.vidyut.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vidyut.mdm.tenancy.TenantScope;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every cache of tenant data is keyed by tenant: a lookup answered under one tenant's row-level security (found or
 * not found) must never be the answer to another tenant. A cache is a field holding a Caffeine cache, or a map or
 * set the class fills itself (created from a mutable java.util collection). Its key must be a record with a
 * {@code UUID tenantId} or {@link TenantScope} component, unless the field is listed below with the reason.
 */
class TenantKeyedCachesTest {
    /** The server's own classes (not the simulator's or the DLMS library's, which share the package prefix). */
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
            .importUrl(MdmApplication.class.getProtectionDomain().getCodeSource().getLocation());

    /** Caches that hold no tenant's data, or whose key is the tenant itself or a secret that names one tenant. */
    private static final Map<String, String> NOT_KEYED_BY_TENANT_RECORD = Map.ofEntries(
            Map.entry("io.vidyut.mdm.common.WallClock.FINAL_OFFSETS", "time-zone rules, the same for every tenant"),
            Map.entry("io.vidyut.mdm.events.EventCatalog.TYPES", "the built-in catalogue of event codes, filled at class load"),
            Map.entry("io.vidyut.mdm.hes.mapping.Units.UNITS", "the built-in catalogue of units, filled at class load"),
            Map.entry("io.vidyut.mdm.hes.mapping.ChannelCodes.explicit", "one parser's codes, read from the one mapping it is made for"),
            Map.entry("io.vidyut.mdm.hes.mapping.ChannelCodes.resolved", "one parser's codes, read from the one mapping it is made for"),
            Map.entry("io.vidyut.mdm.events.EventRecorder.knownPartitions", "table partitions, shared by all tenants"),
            Map.entry("io.vidyut.mdm.readings.ReadingStore.knownPartitions", "table partitions, shared by all tenants"),
            Map.entry("io.vidyut.mdm.ingest.pipeline.KafkaTransport.assigned", "Kafka partitions assigned to this instance"),
            Map.entry("io.vidyut.mdm.ingest.mqtt.MqttIngestAdapter.subscriptions",
                    "live broker subscriptions per vendor, built from the platform-wide vendor listing, never from a request"),
            Map.entry("io.vidyut.mdm.alarms.AlarmStream.streams", "keyed by the tenant id itself: each tenant's own open streams"),
            Map.entry("io.vidyut.mdm.tenancy.TenantService.zones",
                    "keyed by the tenant id itself: each tenant's own zone; callers pass their own tenant, nothing absent is kept"),
            Map.entry("io.vidyut.mdm.security.TokenClaims.tenantIds",
                    "tenant code to id, the platform's directory of tenants (not data a tenant owns); nothing absent is kept"),
            Map.entry("io.vidyut.mdm.ingest.push.PushLimits.rates",
                    "keyed by the tenant id itself: each tenant's own push rates, read for the pushing vendor's tenant"),
            Map.entry("io.vidyut.mdm.security.SignInGuard.addresses",
                    "failed sign-ins per network address, before any tenant is known; holds no tenant's data"),
            Map.entry("io.vidyut.mdm.security.SignInGuard.accounts",
                    "failed sign-ins per typed username (unique across tenants), known or not; holds only counts"),
            Map.entry("io.vidyut.mdm.hes.HesApiKeyAuthenticator.keys",
                    "keyed by the hash of an API key, which belongs to one vendor of one tenant: the lookup is what finds the "
                            + "tenant, and an unknown key's answer is only served to whoever presents that same 256-bit key"));

    @Test
    void every_cache_of_tenant_data_is_keyed_by_a_record_with_the_tenant() {
        List<String> notKeyedByTenant = caches().stream()
                .filter(field -> !NOT_KEYED_BY_TENANT_RECORD.containsKey(field.getFullName()))
                .filter(field -> !keyedByTenant(field))
                .map(field -> field.getFullName() + " keyed by " + keyType(field).getTypeName())
                .toList();
        assertThat(notKeyedByTenant).as("caches whose key has no tenant; key them by a record (tenantId, ...) "
                + "or, for data no tenant owns, list them with the reason").isEmpty();
    }

    @Test
    void the_rule_finds_caffeine_caches_and_self_filled_maps_and_its_exceptions_all_exist() {
        List<String> found = caches().stream().map(JavaField::getFullName).toList();
        assertThat(found).contains("io.vidyut.mdm.hes.VendorMappingService.current", "io.vidyut.mdm.meters.MeterDirectory.cache",
                "io.vidyut.mdm.vee.validation.ValidationCounts.pending", "io.vidyut.mdm.events.EventRecorder.knownPartitions");
        assertThat(found).doesNotContain("io.vidyut.mdm.channels.Channel.BY_CODE", "io.vidyut.mdm.vee.validation.RegisterChecks.INTERVALS_OF");
        assertThat(found).as("every listed exception is a cache that still exists")
                .containsAll(NOT_KEYED_BY_TENANT_RECORD.keySet());
    }

    private static List<JavaField> caches() {
        return MAIN.stream().flatMap(c -> c.getFields().stream()).filter(TenantKeyedCachesTest::isCache).toList();
    }

    private static boolean isCache(JavaField field) {
        JavaClass type = field.getRawType();
        if (type.isAssignableTo("com.github.benmanes.caffeine.cache.Cache")
                || type.isAssignableTo("com.github.benmanes.caffeine.cache.AsyncCache")) {
            return true;
        }
        if (!type.isAssignableTo(Map.class) && !type.isAssignableTo(Set.class)) return false;
        return field.getAccessesToSelf().stream()
                .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET)
                .anyMatch(set -> createsMutableCollection(set.getOrigin(), set.getLineNumber()));
    }

    /** A mutable java.util map or set made on the line that sets the field: new HashMap, ConcurrentHashMap.newKeySet, ... */
    private static boolean createsMutableCollection(JavaCodeUnit unit, int line) {
        return unit.getCallsFromSelf().stream()
                .filter(call -> call.getLineNumber() == line)
                .anyMatch(call -> {
                    JavaClass owner = call.getTargetOwner();
                    boolean collection = owner.getPackageName().startsWith("java.util")
                            && (owner.isAssignableTo(Map.class) || owner.isAssignableTo(Set.class));
                    return collection && (call instanceof JavaConstructorCall || call.getName().startsWith("new"));
                });
    }

    private static boolean keyedByTenant(JavaField field) {
        Type key = keyType(field);
        if (!(key instanceof Class<?> keyClass) || !keyClass.isRecord()) return false;
        return Arrays.stream(keyClass.getRecordComponents()).anyMatch(TenantKeyedCachesTest::isTenant);
    }

    private static boolean isTenant(RecordComponent component) {
        return component.getType() == TenantScope.class
                || (component.getType() == UUID.class && component.getName().equals("tenantId"));
    }

    /** The first type argument: the key of a cache or map, the element of a set. */
    private static Type keyType(JavaField field) {
        Type type = field.reflect().getGenericType();
        if (!(type instanceof ParameterizedType parameterized)) return Object.class;
        Type key = parameterized.getActualTypeArguments()[0];
        return key instanceof ParameterizedType generic ? generic.getRawType() : key;
    }
}
