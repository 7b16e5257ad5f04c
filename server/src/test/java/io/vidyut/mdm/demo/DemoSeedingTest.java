package io.vidyut.mdm.demo;

import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.NetworkService;
import io.vidyut.mdm.security.UserDirectory;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Tests of the demo tenant: the seeder as the demo configuration builds it, over the real services. */
abstract class DemoSeedingTest extends IntegrationTest {
    /** Where the simulated HES of these tests answers (the seeded mappings point there). */
    static final int HES_PORT = freePort();

    @Autowired TenantDirectory tenants;
    @Autowired UserDirectory users;
    @Autowired HesVendorService vendors;
    @Autowired NetworkService network;
    @Autowired ConsumerService consumers;
    @Autowired MeterService meters;
    @Autowired TransactionTemplate transactions;
    @Autowired VendorMappingService mappings;
    @Autowired JsonMapper json;

    DemoDataSeeder seeder() {
        return new DemoDataSeeder(tenants, users, vendors, network, consumers, meters, transactions, mappings, json, HES_PORT);
    }
}
