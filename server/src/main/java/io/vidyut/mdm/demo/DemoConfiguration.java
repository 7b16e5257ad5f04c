package io.vidyut.mdm.demo;

import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.NetworkService;
import io.vidyut.mdm.security.UserDirectory;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** With {@code mdm.demo.enabled} (bin/mdm demo): seed tenant demo on first start and print how to sign in. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mdm.demo.enabled")
@ConditionalOnClass(name = DemoSimulatorMissing.SIMULATOR)
class DemoConfiguration {

    @Bean
    DemoDataSeeder demoDataSeeder(TenantDirectory tenants, UserDirectory users, HesVendorService vendors,
                                  NetworkService network, ConsumerService consumers, MeterService meters,
                                  TransactionTemplate transactions, VendorMappingService mappings, JsonMapper json,
                                  Environment environment) {
        return new DemoDataSeeder(tenants, users, vendors, network, consumers, meters, transactions, mappings, json,
                hesPort(environment));
    }

    @Bean(destroyMethod = "close")
    DemoTraffic demoTraffic(Environment environment, Clock clock) {
        return new DemoTraffic(environment.getProperty("mdm.demo.backfill-days", Integer.class, 2), hesPort(environment), clock);
    }

    /** Where the simulated HES answers the MDM's reads and commands (the demo mappings point there). */
    private static int hesPort(Environment environment) {
        return environment.getProperty("mdm.demo.hes-port", Integer.class, 18089);
    }

    @Bean
    @Order(10)
    ApplicationRunner demoStartup(DemoDataSeeder seeder, Environment environment, ObjectProvider<DemoTraffic> traffic,
                                  UserDirectory users) {
        return args -> {
            boolean seeded = seeder.seedIfAbsent();
            // the administrator's password is set on the first start only: show the configured one only if it is in force
            String configured = environment.getProperty("mdm.security.admin-password", "");
            String adminPassword = !configured.isBlank() && TenantContext.callAs(TenantScope.platformScope(),
                    () -> users.passwordIs("admin", configured)) ? configured : "";
            System.out.println(DemoBanner.text(environment.getProperty("local.server.port", "8080"), seeded, adminPassword));
            String self = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
            if (environment.getProperty("mdm.demo.traffic", Boolean.class, true)) traffic.getObject().start(self);
            if (environment.getProperty("mdm.demo.hes", Boolean.class, true)) traffic.getObject().startHes(self);
        };
    }
}
