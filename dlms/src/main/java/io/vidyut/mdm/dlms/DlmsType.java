package io.vidyut.mdm.dlms;

/**
 * The A-XDR {@code Data} CHOICE tags (IEC 62056-6-2, Green Book "Data" type) that this codec supports.
 * Fixed-size types carry their content size; variable-size types have {@code fixedSize == -1}.
 */
public enum DlmsType {
    NULL_DATA(0, "null-data", 0),
    ARRAY(1, "array", -1),
    STRUCTURE(2, "structure", -1),
    BOOLEAN(3, "boolean", 1),
    BIT_STRING(4, "bit-string", -1),
    DOUBLE_LONG(5, "double-long", 4),
    DOUBLE_LONG_UNSIGNED(6, "double-long-unsigned", 4),
    OCTET_STRING(9, "octet-string", -1),
    VISIBLE_STRING(10, "visible-string", -1),
    UTF8_STRING(12, "utf8-string", -1),
    BCD(13, "bcd", 1),
    INTEGER(15, "integer", 1),
    LONG(16, "long", 2),
    UNSIGNED(17, "unsigned", 1),
    LONG_UNSIGNED(18, "long-unsigned", 2),
    LONG64(20, "long64", 8),
    LONG64_UNSIGNED(21, "long64-unsigned", 8),
    ENUM(22, "enum", 1),
    FLOAT32(23, "float32", 4),
    FLOAT64(24, "float64", 8),
    DATE_TIME(25, "date-time", 12),
    DATE(26, "date", 5),
    TIME(27, "time", 4);

    private static final DlmsType[] BY_TAG = new DlmsType[256];

    static {
        for (DlmsType type : values()) {
            BY_TAG[type.tag] = type;
        }
    }

    private final int tag;
    private final String dlmsName;
    private final int fixedSize;

    DlmsType(int tag, String dlmsName, int fixedSize) {
        this.tag = tag;
        this.dlmsName = dlmsName;
        this.fixedSize = fixedSize;
    }

    public int tag() {
        return tag;
    }

    /** The name used in the Blue Book / Green Book, e.g. {@code long-unsigned}. */
    public String dlmsName() {
        return dlmsName;
    }

    /** Content size in bytes after the tag, or -1 when a length (or count) prefix follows the tag. */
    public int fixedSize() {
        return fixedSize;
    }

    /** The type for a tag byte (0..255), or {@code null} if this codec does not know it. */
    public static DlmsType fromTag(int tag) {
        return tag >= 0 && tag < BY_TAG.length ? BY_TAG[tag] : null;
    }

    @Override
    public String toString() {
        return dlmsName + "(" + tag + ")";
    }
}
