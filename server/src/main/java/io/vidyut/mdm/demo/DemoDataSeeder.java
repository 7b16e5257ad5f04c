package io.vidyut.mdm.demo;

import io.vidyut.mdm.hes.HesProtocol;
import io.vidyut.mdm.hes.HesVendor;
import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.hes.VendorMappingService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import io.vidyut.mdm.meters.LifecycleStage;
import io.vidyut.mdm.meters.MeterCategory;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.meters.Phase;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.NetworkLevel;
import io.vidyut.mdm.network.NetworkNode;
import io.vidyut.mdm.network.NetworkService;
import io.vidyut.mdm.network.SupplyMode;
import io.vidyut.mdm.security.UserDirectory;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds tenant {@code demo} once: a Gurugram circle down to 3 feeders and 30 DTs, 1,000 consumers
 * (1P residential and 3P commercial, some prepaid, some net-metered) with meters spread over three
 * HES vendors, feeder and DT meters, spare meters in the store, and a user per role.
 * Deterministic (fixed random seed), so every demo looks the same.
 */
class DemoDataSeeder {
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    static final int CONSUMERS = 1000;
    static final int FEEDERS = 3;
    static final int DTS_PER_FEEDER = 10;
    static final int SPARE_METERS = 25;

    private static final String[] FIRST = {"Aarav", "Vivaan", "Aditya", "Vihaan", "Arjun", "Sai", "Reyansh", "Ayaan",
            "Krishna", "Ishaan", "Ananya", "Diya", "Saanvi", "Aadhya", "Pari", "Anika", "Navya", "Myra", "Kavya",
            "Sunita", "Ramesh", "Mahesh", "Pooja", "Neha", "Deepak", "Sanjay", "Rekha", "Manoj", "Geeta", "Vikram"};
    private static final String[] LAST = {"Sharma", "Verma", "Yadav", "Gupta", "Singh", "Kumar", "Jain", "Aggarwal",
            "Chauhan", "Malik", "Saini", "Bansal", "Mittal", "Rathi", "Dahiya", "Khatri", "Goyal", "Arora"};
    private static final String[] SHOPS = {"Kirana Store", "Medical Hall", "Sweets", "Electronics", "Tailors",
            "Hardware", "Dhaba", "Mobile Repair", "Bakery", "Salon"};

    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final HesVendorService vendors;
    private final NetworkService network;
    private final ConsumerService consumers;
    private final MeterService meters;
    private final TransactionTemplate transactions;
    private final VendorMappingService mappings;
    private final JsonMapper json;
    private final int hesPort;

    DemoDataSeeder(TenantDirectory tenants, UserDirectory users, HesVendorService vendors, NetworkService network,
                   ConsumerService consumers, MeterService meters, TransactionTemplate transactions,
                   VendorMappingService mappings, JsonMapper json, int hesPort) {
        this.hesPort = hesPort;
        this.mappings = mappings;
        this.json = json;
        this.tenants = tenants;
        this.users = users;
        this.vendors = vendors;
        this.network = network;
        this.consumers = consumers;
        this.meters = meters;
        this.transactions = transactions;
    }

    /** Seeds the demo tenant unless it exists; returns whether it seeded. */
    boolean seedIfAbsent() {
        Optional<Tenant> existing = tenants.findByCode(DemoCredentials.TENANT);
        if (existing.isPresent()) {
            allowSimulatedHes(); // a demo seeded before the rule keeps working
            Tenant tenant = existing.get();
            TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), this::readEventsWithMappingsOfBefore);
            return false;
        }
        long started = System.nanoTime();
        Tenant tenant = TenantContext.callAs(TenantScope.platformScope(), () -> tenants.create(
                new TenantDirectory.NewTenant(DemoCredentials.TENANT, "Demo DISCOM (Gurugram circle)", "Asia/Kolkata", "Haryana")));
        allowSimulatedHes();
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(s -> seed()));
        log.info("Seeded demo tenant in {} ms", (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /**
     * A demo seeded before the simulated HES sent meter events has mappings without an {@code events} section: each
     * gets a new version that adds the demo's (the rest of the mapping as it is, edits of the user included).
     */
    private void readEventsWithMappingsOfBefore() {
        for (DemoCredentials.DemoVendor demoVendor : DemoCredentials.VENDORS) {
            vendors.findByCode(demoVendor.code()).ifPresent(vendor -> mappings.current(vendor.id())
                    .filter(current -> current.mapping().events() == null)
                    .ifPresent(current -> {
                        ObjectNode upgraded = json.valueToTree(current.mapping());
                        upgraded.set("events", json.valueToTree(mapping(demoVendor.code()).events()));
                        mappings.save(vendor.id(), json.treeToValue(upgraded, PayloadMapping.class), "demo-seed");
                        log.info("Demo vendor {}: mapping now reads meter events too", demoVendor.code());
                    }));
        }
    }

    /** The simulated HES answers on this machine's loopback: the demo tenant's one private HES network. */
    private void allowSimulatedHes() {
        tenants.mergeSettings(DemoCredentials.TENANT, Map.of("hes_networks", List.of("127.0.0.1/32")));
    }

    private void seed() {
        Random random = new Random(42);
        for (DemoCredentials.DemoUser user : DemoCredentials.USERS) {
            users.create(new UserDirectory.NewUser(user.username(), DemoCredentials.PASSWORD, user.displayName(),
                    EnumSet.of(user.role())));
        }
        List<HesVendor> hes = new ArrayList<>();
        for (DemoCredentials.DemoVendor vendor : DemoCredentials.VENDORS) {
            HesVendor created = vendors.createWithKey(new HesVendorService.NewVendor(vendor.code(), vendor.name(),
                    HesProtocol.valueOf(vendor.protocol()), List.of("127.0.0.1/32", "::1/128")), vendor.apiKey()).vendor();
            mappings.save(created.id(), mapping(vendor.code()), "demo-seed");
            hes.add(created);
        }
        NetworkNode circle = node(NetworkLevel.CIRCLE, "CIR-GGN", "Gurugram Circle", null, null, null);
        NetworkNode division = node(NetworkLevel.DIVISION, "DIV-GGN-2", "Gurugram Division 2", circle, null, null);
        NetworkNode subdivision = node(NetworkLevel.SUBDIVISION, "SDV-SEC14", "Sector 14 Sub-division", division, null, null);
        NetworkNode substation = node(NetworkLevel.SUBSTATION, "SS-SEC14", "33/11 kV Substation Sector 14", subdivision,
                new BigDecimal("20000"), new BigDecimal("33"));
        String[] feederNames = {"Old Railway Road", "Sector 15 Market", "Jharsa Road"};
        List<NetworkNode> dts = new ArrayList<>();
        int meterNo = 0;
        for (int f = 1; f <= FEEDERS; f++) {
            NetworkNode feeder = node(NetworkLevel.FEEDER, "FDR-%02d".formatted(f), "11 kV " + feederNames[f - 1] + " feeder",
                    substation, new BigDecimal("5000"), new BigDecimal("11"));
            meter(hes.get(f % hes.size()), ++meterNo, Phase.THREE, MeterCategory.FEEDER, new BigDecimal("40"),
                    new BigDecimal("100"), null, feeder, LifecycleStage.IN_SERVICE);
            for (int d = 1; d <= DTS_PER_FEEDER; d++) {
                BigDecimal kva = new BigDecimal(new int[] {100, 200, 250, 315}[random.nextInt(4)]);
                NetworkNode dt = node(NetworkLevel.DT, "DT-%02d-%02d".formatted(f, d),
                        "%s kVA DT %s-%d".formatted(kva, feederNames[f - 1], d), feeder, kva, new BigDecimal("0.433"));
                dts.add(dt);
                meter(hes.get((f + d) % hes.size()), ++meterNo, Phase.THREE, MeterCategory.DT, new BigDecimal("40"),
                        BigDecimal.ONE, null, dt, LifecycleStage.IN_SERVICE);
            }
        }
        for (int c = 1; c <= CONSUMERS; c++) {
            NetworkNode dt = dts.get((c - 1) * dts.size() / CONSUMERS);
            boolean commercial = random.nextInt(100) < 15;
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            ConsumerAccount consumer = consumers.create(new ConsumerService.ConsumerDetails(
                    "GGN%07d".formatted(4_100_000 + c),
                    commercial ? LAST[random.nextInt(LAST.length)] + " " + SHOPS[random.nextInt(SHOPS.length)] : name,
                    "House %d, Sector %d, Gurugram, Haryana".formatted(1 + random.nextInt(900), 10 + random.nextInt(8)),
                    coordinate(28.4595, random), coordinate(77.0266, random),
                    commercial ? "LT-2 Non-Domestic" : "LT-1 Domestic",
                    commercial ? BigDecimal.valueOf(5 + random.nextInt(16)) : BigDecimal.valueOf(1 + random.nextInt(5)),
                    random.nextInt(100) < 30 ? SupplyMode.PREPAID : SupplyMode.POSTPAID,
                    !commercial && random.nextInt(100) < 6, dt.id()));
            meter(hes.get(random.nextInt(hes.size())), ++meterNo, commercial ? Phase.THREE : Phase.SINGLE,
                    MeterCategory.CONSUMER, BigDecimal.ONE, BigDecimal.ONE, consumer, null, LifecycleStage.IN_SERVICE);
        }
        for (int s = 1; s <= SPARE_METERS; s++) {
            meter(hes.get(s % hes.size()), ++meterNo, Phase.SINGLE, MeterCategory.CONSUMER, BigDecimal.ONE,
                    BigDecimal.ONE, null, null, LifecycleStage.IN_INVENTORY);
        }
    }

    /**
     * The worked examples of docs/hes-onboarding.md: one mapping per simulated vendor's wire format, each with the
     * simulated HES's read and command API (DemoTraffic serves it on {@code hesPort}), so demo commands reach it.
     */
    private PayloadMapping mapping(String vendorCode) {
        try (var in = getClass().getResourceAsStream("/demo-mappings/" + vendorCode + ".json")) {
            ObjectNode mapping = (ObjectNode) json.readTree(in);
            String meters = "/hes/" + vendorCode + "/meters/{serial}";
            mapping.set("pull", json.valueToTree(new PayloadMapping.PullEndpoint("http://127.0.0.1:" + hesPort,
                    meters + "/read", meters + "/profile?from={from}&to={to}", "X-Hes-Key", DemoTraffic.HES_KEY, 10,
                    meters + "/commands")));
            return json.treeToValue(mapping, PayloadMapping.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private NetworkNode node(NetworkLevel level, String code, String name, NetworkNode parent, BigDecimal kva,
                             BigDecimal kv) {
        return network.create(new NetworkService.NewNode(level, code, name, parent == null ? null : parent.id(), kva, kv));
    }

    private void meter(HesVendor vendor, int number, Phase phase, MeterCategory category, BigDecimal ct, BigDecimal pt,
                       ConsumerAccount consumer, NetworkNode node, LifecycleStage stage) {
        DemoCredentials.DemoVendor demoVendor = DemoCredentials.VENDORS.stream()
                .filter(v -> v.code().equals(vendor.code())).findFirst().orElseThrow();
        meters.create(new MeterService.MeterDetails("%s%08d".formatted(demoVendor.serialPrefix(), 23_000_000 + number),
                demoVendor.make(), phase == Phase.SINGLE ? "SM-1P-5-30A" : "SM-3P-10-60A", phase, category, ct, pt,
                vendor.id(), consumer == null ? null : consumer.id(), node == null ? null : node.id(), stage));
    }

    private static BigDecimal coordinate(double centre, Random random) {
        return BigDecimal.valueOf(centre + (random.nextDouble() - 0.5) * 0.06).setScale(6, RoundingMode.HALF_UP);
    }
}
