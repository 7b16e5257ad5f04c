package io.vidyut.mdm.common;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many bytes a request body may have ({@code mdm.http.*}): sign-in bodies (anyone may send them), CSV imports,
 * and every other JSON body. HES pushes are bounded by the ingest module's own limit ({@link BodyLimit}).
 */
@Validated
@ConfigurationProperties("mdm.http")
public record HttpProperties(@Positive Long maxSignInBytes, @Positive Long maxImportBytes, @Positive Long maxBodyBytes) {
    public HttpProperties {
        if (maxSignInBytes == null) maxSignInBytes = 8L * 1024;
        if (maxImportBytes == null) maxImportBytes = 32L * 1024 * 1024;
        if (maxBodyBytes == null) maxBodyBytes = 1024L * 1024;
    }
}
