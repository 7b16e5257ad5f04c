package io.vidyut.mdm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One top-level package per capability; modules reach each other only through their public API, without cycles. */
class ModuleStructureTest {

    @Test
    void modules_respect_their_boundaries() {
        ApplicationModules.of(MdmApplication.class).verify();
    }
}
