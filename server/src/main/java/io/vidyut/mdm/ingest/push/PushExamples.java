package io.vidyut.mdm.ingest.push;

/** Request bodies shown in the API document, shaped as the mappings of the HES onboarding guide read them. */
final class PushExamples {
    private PushExamples() {}

    /** HPL's mapping: meters with their 15-minute intervals, values by OBIS code, stamped at the interval end (IST). */
    static final String READINGS_JSON = """
            {"batch_id": "HPL-2026-11-26-0042",
             "meters": [{"serial": "HPL00000001",
                         "intervals": [{"end": "2026-11-26T10:15:00+05:30", "values": {"1.0.1.29.0.255": 0.214, "1.0.32.27.0.255": 231.4}},
                                       {"end": "2026-11-26T10:30:00+05:30", "values": {"1.0.1.29.0.255": 0.198, "1.0.32.27.0.255": 230.9}}]}]}""";

    /** A CSV vendor: one value per row (meter, interval end, OBIS code, value). */
    static final String READINGS_CSV = """
            meter,end,obis,kwh
            KRN00000007,2026-11-26T10:15:00+05:30,1.0.1.29.0.255,0.214
            KRN00000007,2026-11-26T10:30:00+05:30,1.0.1.29.0.255,0.198
            """;

    /**
     * Events in IS 15959 codes, a power failure (101) and its restoration (102), for a mapping whose {@code events}
     * section reads {@code "rows": "events[*]", "fields": {"meter": "serial", "timestamp": "at", "code": "code"}}.
     */
    static final String EVENTS_JSON = """
            {"batch_id": "HPL-EV-2026-11-26-0007",
             "events": [{"serial": "HPL00000001", "at": "2026-11-26T09:58:12+05:30", "code": 101},
                        {"serial": "HPL00000001", "at": "2026-11-26T10:11:40+05:30", "code": 102}]}""";
}
