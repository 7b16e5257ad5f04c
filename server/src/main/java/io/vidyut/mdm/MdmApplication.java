package io.vidyut.mdm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Vidyut MDM: one process, one top-level package per capability (see docs/architecture.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MdmApplication {
    public static void main(String[] args) {
        SpringApplication.run(MdmApplication.class, args);
    }
}
