package io.vidyut.mdm.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} the server runs an embedded PostgreSQL under
 * {@code dataDir}. {@code user} owns the schema and runs migrations; the application itself
 * connects as {@code appUser}, a role row-level security applies to.
 */
@ConfigurationProperties("mdm.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        String appUser,
        String appPassword,
        int poolSize,
        Path dataDir) {

    public DatabaseProperties {
        if (appUser == null || appUser.isBlank()) appUser = "mdm_app";
        if (poolSize <= 0) poolSize = 10;
        if (dataDir == null) dataDir = Path.of("data");
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
