package io.vidyut.mdm.tenancy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A state or union territory of India, the region a DISCOM serves: tariffs are set per state by its electricity
 * regulatory commission. The one list of them, which the dashboard reads through {@code GET /platform/states}.
 */
public record IndianState(String name, Kind kind) {
    public enum Kind { STATE, UNION_TERRITORY }

    /** India's 28 states and 8 union territories (since 2020), by the names their governments use in English. */
    public static final List<IndianState> ALL = List.of(
            state("Andhra Pradesh"), state("Arunachal Pradesh"), state("Assam"), state("Bihar"),
            state("Chhattisgarh"), state("Goa"), state("Gujarat"), state("Haryana"), state("Himachal Pradesh"),
            state("Jharkhand"), state("Karnataka"), state("Kerala"), state("Madhya Pradesh"), state("Maharashtra"),
            state("Manipur"), state("Meghalaya"), state("Mizoram"), state("Nagaland"), state("Odisha"),
            state("Punjab"), state("Rajasthan"), state("Sikkim"), state("Tamil Nadu"), state("Telangana"),
            state("Tripura"), state("Uttar Pradesh"), state("Uttarakhand"), state("West Bengal"),
            unionTerritory("Andaman and Nicobar Islands"), unionTerritory("Chandigarh"),
            unionTerritory("Dadra and Nagar Haveli and Daman and Diu"), unionTerritory("Delhi"),
            unionTerritory("Jammu and Kashmir"), unionTerritory("Ladakh"), unionTerritory("Lakshadweep"),
            unionTerritory("Puducherry"));

    /** The state or union territory of this name, whatever its case or surrounding spaces. */
    public static Optional<IndianState> named(String name) {
        if (name == null) return Optional.empty();
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    private static IndianState state(String name) {
        return new IndianState(name, Kind.STATE);
    }

    private static IndianState unionTerritory(String name) {
        return new IndianState(name, Kind.UNION_TERRITORY);
    }
}
