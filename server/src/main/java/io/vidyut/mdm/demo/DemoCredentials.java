package io.vidyut.mdm.demo;

import io.vidyut.mdm.security.Role;
import java.util.List;

/** The demo tenant's sign-ins and HES keys: printed at start so a trial user can get going. */
final class DemoCredentials {
    static final String TENANT = "demo";
    static final String PASSWORD = "vidyut-demo-pass";

    record DemoUser(String username, String displayName, Role role) {}

    record DemoVendor(String code, String name, String protocol, String make, String serialPrefix, String apiKey) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("demo.admin", "Anita Sharma (tenant admin)", Role.TENANT_ADMIN),
            new DemoUser("demo.operator", "Rakesh Yadav (control room)", Role.OPERATOR),
            new DemoUser("demo.analyst", "Priya Nair (energy audit)", Role.ANALYST),
            new DemoUser("demo.field", "Suresh Kumar (lineman)", Role.FIELD_TECH),
            new DemoUser("demo.consumer", "Meena Gupta (consumer)", Role.CONSUMER));

    static final List<DemoVendor> VENDORS = List.of(
            new DemoVendor("HPL", "HPL HES (REST push)", "REST", "HPL", "HPL", "vmdm_demo_hpl_rest_0000000000000001"),
            new DemoVendor("VOLTA", "Volta HES (MQTT)", "MQTT", "Volta Meters", "VLT", "vmdm_demo_volta_mqtt_00000000000002"),
            new DemoVendor("KIRAN", "Kiran HES (DLMS push)", "DLMS", "Kiran Instruments", "KRN", "vmdm_demo_kiran_dlms_00000000000003"));

    private DemoCredentials() {}
}
