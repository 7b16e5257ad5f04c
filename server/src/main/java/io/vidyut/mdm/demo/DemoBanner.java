package io.vidyut.mdm.demo;

/** What `bin/mdm demo` prints once the platform is up. */
final class DemoBanner {
    private DemoBanner() {}

    /** {@code adminPassword}: the platform administrator's password when it is known to be in force, else blank. */
    static String text(String port, boolean seeded, String adminPassword) {
        String base = "http://localhost:" + port;
        StringBuilder text = new StringBuilder()
                .append("\n============================================================\n")
                .append(" Vidyut MDM demo is running").append(seeded ? " (demo tenant seeded)" : " (existing data reused)").append('\n')
                .append("   URL:          ").append(base).append('\n')
                .append("   API docs:     ").append(base).append("/swagger-ui.html\n")
                .append("   Health:       ").append(base).append("/actuator/health\n")
                .append("   Sign in:      POST ").append(base).append("/api/v1/auth/token {\"username\",\"password\"}\n")
                .append("   Tenant:       ").append(DemoCredentials.TENANT).append('\n');
        for (DemoCredentials.DemoUser user : DemoCredentials.USERS) {
            text.append("     %-15s %-14s password %s%n".formatted(user.username(), user.role(), DemoCredentials.PASSWORD));
        }
        text.append("     %-15s %-14s password %s%n".formatted("admin", "PLATFORM_ADMIN",
                adminPassword.isBlank() ? "(the one set at the first start on this data directory)" : adminPassword));
        text.append("   HES API keys (X-API-Key, from 127.0.0.1 only):\n");
        for (DemoCredentials.DemoVendor vendor : DemoCredentials.VENDORS) {
            text.append("     %-6s %-22s %s%n".formatted(vendor.code(), vendor.protocol(), vendor.apiKey()));
        }
        return text.append(" Stop with Ctrl-C; the data stays under the data directory.\n")
                .append("============================================================\n").toString();
    }
}
