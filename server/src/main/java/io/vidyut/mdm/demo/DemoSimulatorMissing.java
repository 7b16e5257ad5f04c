package io.vidyut.mdm.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Configuration;

/**
 * The demo plays its HES vendors with the simulator, which is not inside mdm-server.jar (production has no use for
 * it): without it on the class path a demo start stops at once and says how to add it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mdm.demo.enabled")
@ConditionalOnMissingClass(DemoSimulatorMissing.SIMULATOR)
class DemoSimulatorMissing {
    static final String SIMULATOR = "io.vidyut.mdm.simulator.Simulator";

    DemoSimulatorMissing() {
        throw new IllegalStateException("MDM_DEMO needs the HES simulator, which mdm-server.jar does not carry: start "
                + "with bin/mdm demo, or add it with LOADER_PATH=simulator/target/mdm-simulator-lib.jar "
                + "java -jar mdm-server.jar");
    }
}
