package io.vidyut.mdm.dlms;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pushed IS 15959 profile (block load, daily load, billing, event profiles) in our push convention: the
 * DataNotification body is a structure of five elements:
 * <ol start="0">
 *   <li>octet-string(6): logical name of the profile object, e.g. 1.0.99.1.0.255</li>
 *   <li>visible-string: meter serial number</li>
 *   <li>array of capture objects, each {long-unsigned class-id, octet-string(6) logical-name,
 *       integer attribute-index, long-unsigned data-index} (Blue Book profile generic capture_objects)</li>
 *   <li>array with one scaler_unit per capture object: {integer scaler, enum unit}, or null-data when the
 *       column has none (e.g. the clock)</li>
 *   <li>array of rows, each a structure with one value per capture object (profile generic buffer)</li>
 * </ol>
 */
public record ProfileBuffer(ObisCode profile, String meterSerial, List<Column> columns, List<List<DlmsData>> rows) {
    private static final int CLOCK_CLASS_ID = 8;
    private static final int CLOCK_TIME_ATTRIBUTE = 2;

    /**
     * One capture object with its scaler_unit. {@code unitCode == DlmsUnits.NONE_GIVEN} means the column has no
     * scaler_unit (pushed as null-data); the scaler is then 0.
     */
    public record Column(ObisCode obis, int classId, int attribute, int scaler, int unitCode, int dataIndex) {
        public Column {
            Objects.requireNonNull(obis, "obis");
            Checks.inRange("class-id", classId, 0, 0xFFFF);
            Checks.inRange("attribute-index", attribute, Byte.MIN_VALUE, Byte.MAX_VALUE);
            Checks.inRange("scaler", scaler, Byte.MIN_VALUE, Byte.MAX_VALUE);
            Checks.inRange("unit", unitCode, 0, 0xFF);
            Checks.inRange("data-index", dataIndex, 0, 0xFFFF);
            if (unitCode == DlmsUnits.NONE_GIVEN && scaler != 0) {
                throw new IllegalArgumentException("a column without unit cannot have scaler " + scaler);
            }
        }

        /** A column capturing the whole attribute (data-index 0). */
        public Column(ObisCode obis, int classId, int attribute, int scaler, int unitCode) {
            this(obis, classId, attribute, scaler, unitCode, 0);
        }

        /** The clock time (class 8, attribute 2 of 0.0.1.0.0.255), which has no scaler_unit. */
        public static Column clock() {
            return new Column(ObisCode.CLOCK, CLOCK_CLASS_ID, CLOCK_TIME_ATTRIBUTE, 0, DlmsUnits.NONE_GIVEN);
        }

        public boolean hasScalerUnit() {
            return unitCode != DlmsUnits.NONE_GIVEN;
        }

        public boolean isClock() {
            return classId == CLOCK_CLASS_ID && attribute == CLOCK_TIME_ATTRIBUTE;
        }
    }

    public ProfileBuffer {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(meterSerial, "meterSerial");
        columns = List.copyOf(columns);
        List<List<DlmsData>> copies = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<DlmsData> row = List.copyOf(rows.get(i));
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + i + " has " + row.size() + " values for "
                        + columns.size() + " columns");
            }
            copies.add(row);
        }
        rows = List.copyOf(copies);
    }

    public static ProfileBuffer parse(DataNotification notification) {
        return parse(notification.body());
    }

    /** Reads a notification body in the push convention; shape errors are {@link ProfileFormatException}s. */
    public static ProfileBuffer parse(DlmsData body) {
        List<DlmsData> parts = container(body, DlmsType.STRUCTURE, "body");
        if (parts.size() != 5) {
            throw new ProfileFormatException("body: expected 5 elements (profile, serial, capture objects,"
                    + " scaler-units, rows) but found " + parts.size());
        }
        ObisCode profile = obis(parts.get(0), "body[0] profile logical name");
        String serial = serial(parts.get(1));
        List<DlmsData> captureObjects = container(parts.get(2), DlmsType.ARRAY, "body[2] capture objects");
        List<DlmsData> scalerUnits = container(parts.get(3), DlmsType.ARRAY, "body[3] scaler-units");
        if (scalerUnits.size() != captureObjects.size()) {
            throw new ProfileFormatException("body[3] scaler-units: " + scalerUnits.size() + " entries for "
                    + captureObjects.size() + " capture objects");
        }
        List<Column> columns = new ArrayList<>(captureObjects.size());
        for (int i = 0; i < captureObjects.size(); i++) {
            columns.add(column(captureObjects.get(i), scalerUnits.get(i), i));
        }
        List<DlmsData> rowData = container(parts.get(4), DlmsType.ARRAY, "body[4] rows");
        List<List<DlmsData>> rows = new ArrayList<>(rowData.size());
        for (int r = 0; r < rowData.size(); r++) {
            List<DlmsData> row = container(rowData.get(r), DlmsType.STRUCTURE, "body[4][" + r + "]");
            if (row.size() != columns.size()) {
                throw new ProfileFormatException("body[4][" + r + "]: " + row.size() + " values for "
                        + columns.size() + " capture objects");
            }
            rows.add(row);
        }
        return new ProfileBuffer(profile, serial, columns, rows);
    }

    private static Column column(DlmsData captureObject, DlmsData scalerUnit, int index) {
        String path = "body[2][" + index + "]";
        List<DlmsData> fields = container(captureObject, DlmsType.STRUCTURE, path);
        if (fields.size() != 4) {
            throw new ProfileFormatException(path + ": capture object needs 4 elements (class-id, logical-name,"
                    + " attribute-index, data-index) but has " + fields.size());
        }
        int classId = integer(fields.get(0), path + "[0] class-id", 0, 0xFFFF);
        ObisCode obis = obis(fields.get(1), path + "[1] logical-name");
        int attribute = integer(fields.get(2), path + "[2] attribute-index", Byte.MIN_VALUE, Byte.MAX_VALUE);
        int dataIndex = integer(fields.get(3), path + "[3] data-index", 0, 0xFFFF);
        String suPath = "body[3][" + index + "]";
        if (scalerUnit.isNull()) {
            return new Column(obis, classId, attribute, 0, DlmsUnits.NONE_GIVEN, dataIndex);
        }
        List<DlmsData> su = container(scalerUnit, DlmsType.STRUCTURE, suPath);
        if (su.size() != 2) {
            throw new ProfileFormatException(suPath + ": scaler_unit needs 2 elements (scaler, unit) but has "
                    + su.size());
        }
        int scaler = integer(su.get(0), suPath + "[0] scaler", Byte.MIN_VALUE, Byte.MAX_VALUE);
        int unit = integer(su.get(1), suPath + "[1] unit", 1, 0xFF);
        return new Column(obis, classId, attribute, scaler, unit, dataIndex);
    }

    private static List<DlmsData> container(DlmsData data, DlmsType expected, String path) {
        if (data.type() != expected) {
            throw new ProfileFormatException(path + ": expected " + expected.dlmsName() + " but found "
                    + data.type().dlmsName());
        }
        return data.elements();
    }

    private static ObisCode obis(DlmsData data, String path) {
        try {
            return ObisCode.fromData(data);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(path + ": " + e.getMessage(), e);
        }
    }

    private static int integer(DlmsData data, String path, int min, int max) {
        if (!(data instanceof DlmsData.Numeric) || data.type() == DlmsType.FLOAT32 || data.type() == DlmsType.FLOAT64) {
            throw new ProfileFormatException(path + ": expected an integer but found " + data.type().dlmsName());
        }
        long value = data.asLong();
        if (value < min || value > max) {
            throw new ProfileFormatException(path + ": " + value + " is outside " + min + ".." + max);
        }
        return (int) value;
    }

    /** visible-string per the convention; utf8-string and ASCII octet-string are accepted too. */
    private static String serial(DlmsData data) {
        if (data instanceof DlmsData.VisibleString || data instanceof DlmsData.Utf8String) {
            return data.asString();
        }
        if (data instanceof DlmsData.OctetString octets) {
            return new String(octets.value(), StandardCharsets.ISO_8859_1);
        }
        throw new ProfileFormatException("body[1] meter serial: expected visible-string but found "
                + data.type().dlmsName());
    }

    // ---- reading ----

    public DlmsData cell(int row, int column) {
        return rows.get(row).get(column);
    }

    /** Index of the first column capturing {@code obis}, or -1. */
    public int indexOf(ObisCode obis) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).obis().equals(obis)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The cell as value × 10^scaler, exact. Fails with IllegalStateException when the cell is not numeric
     * (including null-data for a value the meter did not capture).
     */
    public BigDecimal scaledValue(int row, int column) {
        DlmsData cell = cell(row, column);
        if (!(cell instanceof DlmsData.Numeric)) {
            throw new IllegalStateException("row " + row + ", column " + column + " (" + columns.get(column).obis()
                    + "): expected a numeric value but found " + cell.type().dlmsName());
        }
        return cell.asBigDecimal().scaleByPowerOfTen(columns.get(column).scaler());
    }

    public BigDecimal scaledValue(int row, ObisCode obis) {
        return scaledValue(row, requireColumn(obis));
    }

    /** Index of the clock column (class 8, attribute 2). */
    public int clockColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isClock()) {
                return i;
            }
        }
        throw new IllegalStateException("profile " + profile + " has no clock column (class 8, attribute 2)");
    }

    /** The row's capture time from the clock column (date-time or octet-string(12)). */
    public CosemDateTime timestamp(int row) {
        return cell(row, clockColumn()).asDateTime();
    }

    private int requireColumn(ObisCode obis) {
        int index = indexOf(obis);
        if (index < 0) {
            throw new IllegalArgumentException("profile " + profile + " has no column " + obis);
        }
        return index;
    }

    // ---- writing ----

    public DlmsData toBody() {
        List<DlmsData> captureObjects = new ArrayList<>(columns.size());
        List<DlmsData> scalerUnits = new ArrayList<>(columns.size());
        for (Column column : columns) {
            captureObjects.add(DlmsData.structure(new DlmsData.Unsigned16(column.classId()), column.obis().toData(),
                    new DlmsData.Integer8(column.attribute()), new DlmsData.Unsigned16(column.dataIndex())));
            scalerUnits.add(column.hasScalerUnit()
                    ? DlmsData.structure(new DlmsData.Integer8(column.scaler()), new DlmsData.Enumerated(column.unitCode()))
                    : DlmsData.nullData());
        }
        List<DlmsData> rowData = new ArrayList<>(rows.size());
        for (List<DlmsData> row : rows) {
            rowData.add(new DlmsData.Structure(row));
        }
        return DlmsData.structure(profile.toData(), DlmsData.visibleString(meterSerial),
                new DlmsData.Array(captureObjects), new DlmsData.Array(scalerUnits), new DlmsData.Array(rowData));
    }

    /** The DataNotification carrying this profile, as the HES simulator pushes it. */
    public DataNotification encode(int invokeId, CosemDateTime sentAt) {
        return DataNotification.of(invokeId, sentAt, toBody());
    }
}
