package io.vidyut.mdm.simulator.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.dlms.DataNotification;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.simulator.CapturingTransport;
import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.payload.Obis;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.WireFormat;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated HES answering pulls over real HTTP on loopback, checked against what the same simulator pushes:
 * a backfill (Wednesday and Thursday up to 10:15 IST) and a live push of the 10:15 interval, from separate runs
 * with the same seed, so the numbers must agree across runs too.
 */
class PullServerTest {
    static final Fleet FLEET = TestFleets.small();
    /** 10:20 IST on Thursday: the latest completed interval ends at 10:15. */
    static final Clock CLOCK = Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC);
    static final Instant TEN_FIFTEEN = OffsetDateTime.parse("2026-11-26T10:15:00+05:30").toInstant();
    static final Instant WEDNESDAY_START = OffsetDateTime.parse("2026-11-25T00:00:00+05:30").toInstant();
    static final Instant THURSDAY_START = OffsetDateTime.parse("2026-11-26T00:00:00+05:30").toInstant();
    static final String KEY = "test-hes-key";
    static final String REGISTER = Obis.CUMULATIVE_KWH_IMPORT.toString();
    static final String EXPORT = Obis.BLOCK_KWH_EXPORT.toString();

    static RunningHes hes;
    /** Pushed by a backfill of one day: serial → time → OBIS → value. */
    static Map<String, Map<Instant, Map<String, BigDecimal>>> backfill;
    /** Pushed live at the 10:15 boundary. */
    static List<Payload> live;

    @BeforeAll
    static void startTheHesAndPushTheReference() {
        hes = RunningHes.start(Simulator.builder().fleet(FLEET).clock(CLOCK).pullKey(KEY));
        CapturingTransport pushed = new CapturingTransport();
        Simulator.builder().fleet(FLEET).clock(CLOCK).transport(pushed).backfill(1).build().run();
        backfill = WireValues.of(pushed.payloads());
        CapturingTransport liveCapture = new CapturingTransport();
        Simulator.builder().fleet(FLEET).transport(liveCapture).live(true).speed(3600).liveIntervals(1)
                .clock(Clock.fixed(TEN_FIFTEEN.minusSeconds(600), ZoneOffset.UTC)).build().run();
        live = liveCapture.payloads();
    }

    @AfterAll
    static void stopTheHes() {
        hes.close();
    }

    @Test
    void voltaAndKiranReadsAreByteForByteTheLivePushOfTheLatestInterval() {
        for (String vendor : List.of("VOLTA", "KIRAN")) {
            for (SimMeter meter : FLEET.metersOf(List.of(vendor))) {
                HttpResponse<byte[]> read = hes.get(readPath(vendor, meter.serial()), KEY);

                assertThat(read.statusCode()).isEqualTo(200);
                Payload pushed = live.stream().filter(p -> p.vendorCode().equals(vendor)
                        && WireValues.of(p.format(), p.body()).containsKey(meter.serial())).findFirst().orElseThrow();
                assertThat(read.body()).as(meter.serial()).isEqualTo(pushed.body());
                assertThat(read.headers().firstValue("Content-Type")).contains(pushed.contentType());
            }
        }
    }

    @Test
    void anHplReadIsTheLatestIntervalAsPushedPlusTheRegisterAtItsEnd() {
        Map<String, Map<Instant, Map<String, BigDecimal>>> pushedLive = WireValues.of(live);
        for (SimMeter meter : FLEET.metersOf(List.of("HPL"))) {
            HttpResponse<byte[]> read = hes.get(readPath("HPL", meter.serial()), KEY);

            assertThat(read.statusCode()).isEqualTo(200);
            Map<Instant, Map<String, BigDecimal>> pulled = WireValues.of(WireFormat.HPL_JSON, read.body())
                    .get(meter.serial());
            assertThat(pulled).containsOnlyKeys(TEN_FIFTEEN);
            Map<String, BigDecimal> values = new TreeMap<>(pulled.get(TEN_FIFTEEN));
            BigDecimal register = values.remove(REGISTER);
            assertThat(values).isEqualTo(pushedLive.get(meter.serial()).get(TEN_FIFTEEN));
            // the register counts on from last midnight's pushed reading by what the meter recorded since
            BigDecimal midnight = backfill.get(meter.serial()).get(THURSDAY_START).get(REGISTER);
            BigDecimal recorded = pushedBetween(meter, THURSDAY_START, TEN_FIFTEEN).values().stream()
                    .map(v -> v.get(Obis.BLOCK_KWH_IMPORT.toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(register.subtract(midnight).subtract(recorded).abs()).isLessThan(new BigDecimal("0.05"));
        }
    }

    @Test
    void anHplProfileOfADayHoldsEveryPushedValueAndTheMidnightRegister() {
        for (SimMeter meter : FLEET.metersOf(List.of("HPL"))) {
            HttpResponse<byte[]> profile = hes.get(profilePath("HPL", meter.serial(), WEDNESDAY_START,
                    THURSDAY_START), KEY);

            assertThat(profile.statusCode()).isEqualTo(200);
            Map<Instant, Map<String, BigDecimal>> pulled = WireValues.of(WireFormat.HPL_JSON, profile.body())
                    .get(meter.serial());
            assertThat(pulled).hasSize(96).containsKey(THURSDAY_START);
            assertThat(pulled.get(THURSDAY_START)).containsKey(REGISTER);
            assertThat(pulled).isEqualTo(pushedBetween(meter, WEDNESDAY_START, THURSDAY_START));
        }
    }

    @Test
    void aKiranProfileAcrossMidnightIsOneNotificationOfTheRequestedRows() {
        Instant from = OffsetDateTime.parse("2026-11-25T22:00:00+05:30").toInstant();
        Instant to = OffsetDateTime.parse("2026-11-26T02:00:00+05:30").toInstant();
        for (SimMeter meter : FLEET.metersOf(List.of("KIRAN"))) {
            HttpResponse<byte[]> profile = hes.get(profilePath("KIRAN", meter.serial(), from, to), KEY);

            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(profile.headers().firstValue("Content-Type")).contains("application/octet-stream");
            ProfileBuffer buffer = ProfileBuffer.parse(DataNotification.decode(profile.body()));
            assertThat(buffer.meterSerial()).isEqualTo(meter.serial());
            assertThat(buffer.rows()).hasSize(16);
            assertSameReadings(WireValues.of(WireFormat.KIRAN_DLMS, profile.body()).get(meter.serial()),
                    pushedBetween(meter, from, to));
        }
    }

    @Test
    void aVoltaProfileAnswersOnlyARangeOfOneInterval() {
        SimMeter meter = FLEET.metersOf(List.of("VOLTA")).get(0);

        HttpResponse<byte[]> one = hes.get(profilePath("VOLTA", meter.serial(), TEN_FIFTEEN.minusSeconds(900),
                TEN_FIFTEEN), KEY);
        HttpResponse<byte[]> several = hes.get(profilePath("VOLTA", meter.serial(), TEN_FIFTEEN.minusSeconds(3600),
                TEN_FIFTEEN), KEY);

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo(hes.get(readPath("VOLTA", meter.serial()), KEY).body());
        assertThat(several.statusCode()).isEqualTo(400);
        assertThat(text(several)).contains("one meter-interval per message");
    }

    @Test
    void aProfileReachingIntoTheFutureStopsAtTheLatestCompletedInterval() {
        SimMeter meter = FLEET.metersOf(List.of("HPL")).get(0);
        Instant noon = OffsetDateTime.parse("2026-11-26T12:00:00+05:30").toInstant();

        HttpResponse<byte[]> profile = hes.get(profilePath("HPL", meter.serial(), TEN_FIFTEEN.minusSeconds(900),
                noon), KEY);
        HttpResponse<byte[]> future = hes.get(profilePath("HPL", meter.serial(), TEN_FIFTEEN, noon), KEY);

        assertThat(WireValues.of(WireFormat.HPL_JSON, profile.body()).get(meter.serial()))
                .containsOnlyKeys(TEN_FIFTEEN);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(text(future)).contains("no completed interval");
    }

    @Test
    void thirtyOneDaysAreAnsweredAndAnyLongerRangeIs400() {
        SimMeter meter = FLEET.metersOf(List.of("KIRAN")).get(0);
        Instant from = TEN_FIFTEEN.minus(Duration.ofDays(31));

        HttpResponse<byte[]> month = hes.get(profilePath("KIRAN", meter.serial(), from, TEN_FIFTEEN), KEY);
        HttpResponse<byte[]> tooLong = hes.get(profilePath("KIRAN", meter.serial(), from.minusSeconds(900),
                TEN_FIFTEEN), KEY);

        assertThat(month.statusCode()).isEqualTo(200);
        assertThat(ProfileBuffer.parse(DataNotification.decode(month.body())).rows()).hasSize(31 * 96);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(text(tooLong)).contains("at most 31 days");
    }

    @Test
    void malformedRangesAre400() {
        String base = "/hes/HPL/meters/" + FLEET.metersOf(List.of("HPL")).get(0).serial() + "/profile";

        assertThat(hes.get(base + "?to=2026-11-26T00:00:00Z", KEY).statusCode()).isEqualTo(400);
        assertThat(hes.get(base + "?from=yesterday&to=2026-11-26T00:00:00Z", KEY).statusCode()).isEqualTo(400);
        assertThat(hes.get(base + "?from=2026-11-26T00:00:00Z&to=2026-11-25T00:00:00Z", KEY).statusCode())
                .isEqualTo(400);
        // an offset typed without URL-encoding ('+' decodes to a space) is still understood
        assertThat(hes.get(base + "?from=2026-11-26T09:00:00+05:30&to=2026-11-26T10:00:00+05:30", KEY)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTheKeyTheAnswerIs401() {
        String path = readPath("HPL", FLEET.metersOf(List.of("HPL")).get(0).serial());

        assertThat(hes.get(path, null).statusCode()).isEqualTo(401);
        assertThat(hes.get(path, "hes-secret").statusCode()).isEqualTo(401);
        assertThat(hes.get("/hes/HPL/meters/NO-SUCH-METER/read", null).statusCode())
                .as("no key: nothing is told about which meters exist").isEqualTo(401);
    }

    @Test
    void anUnknownMeterVendorOrPathIs404() {
        String hplSerial = FLEET.metersOf(List.of("HPL")).get(0).serial();

        assertThat(hes.get("/hes/HPL/meters/NO-SUCH-METER/read", KEY).statusCode()).isEqualTo(404);
        assertThat(hes.get(readPath("KIRAN", hplSerial), KEY).statusCode()).as("another vendor's meter")
                .isEqualTo(404);
        assertThat(hes.get(readPath("ACME", hplSerial), KEY).statusCode()).isEqualTo(404);
        assertThat(hes.get("/hes/HPL/meters/" + hplSerial + "/events", KEY).statusCode()).isEqualTo(404);
        assertThat(text(hes.get("/hes/HPL/meters/NO-SUCH-METER/read", KEY))).contains("NO-SUCH-METER");
    }

    /** Pushed values of the meter for times in (from, to]. */
    private static NavigableMap<Instant, Map<String, BigDecimal>> pushedBetween(SimMeter meter, Instant from,
                                                                                Instant to) {
        return new TreeMap<>(backfill.get(meter.serial())).subMap(from, false, to, true);
    }

    /**
     * Every pushed value is pulled the same. One notification has one set of columns, so a pull spanning two days
     * may carry an export column (zeros) for a day whose push left it out.
     */
    private static void assertSameReadings(Map<Instant, Map<String, BigDecimal>> pulled,
                                           Map<Instant, Map<String, BigDecimal>> pushed) {
        assertThat(pulled.keySet()).isEqualTo(pushed.keySet());
        pushed.forEach((at, values) -> {
            Map<String, BigDecimal> extra = new TreeMap<>(pulled.get(at));
            values.forEach((obis, value) -> assertThat(extra.remove(obis)).as(at + " " + obis).isEqualTo(value));
            extra.forEach((obis, value) -> assertThat(obis + "=" + value).isEqualTo(EXPORT + "=0"));
        });
    }

    static String readPath(String vendor, String serial) {
        return "/hes/" + vendor + "/meters/" + serial + "/read";
    }

    /** As the MDM writes it: instants URL-encoded. */
    static String profilePath(String vendor, String serial, Instant from, Instant to) {
        return "/hes/" + vendor + "/meters/" + serial + "/profile?from=" + encode(from) + "&to=" + encode(to);
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
