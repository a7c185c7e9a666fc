package cn.dongcheng.platform.common.security;

/**
 * One cell of the access matrix: what a role may do at one endpoint. The word in parentheses is how the cell is
 * written in {@code security/<application>-access-matrix.txt}.
 */
public enum Access {
    /** Allowed, personal data in full ({@code allow}). */
    ALLOW("allow"),
    /** Allowed, natural persons' data masked ({@code masked}). */
    MASKED("masked"),
    /** Only for the caller's own subject (their ID number or credit code), in full; anything else is refused ({@code own}). */
    OWN("own"),
    /** The caller's own subject in full, any other subject masked ({@code own/masked}). */
    OWN_ELSE_MASKED("own/masked"),
    /** Refused: 401 without a token, 403 with one ({@code deny}). */
    DENY("deny");

    private final String cell;

    Access(String cell) {
        this.cell = cell;
    }

    public String cell() {
        return cell;
    }

    public static Access ofCell(String cell) {
        for (Access a : values()) {
            if (a.cell.equals(cell)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown access '" + cell + "' (allow, masked, own, own/masked, deny)");
    }

    /**
     * What a caller holding both cells may do (several roles): allow beats everything, deny nothing; own and masked
     * together are own/masked — the own subject in full (own), anyone else masked (masked).
     */
    public Access or(Access other) {
        if (this == other || other == DENY) {
            return this;
        }
        if (this == DENY) {
            return other;
        }
        if (this == ALLOW || other == ALLOW) {
            return ALLOW;
        }
        return OWN_ELSE_MASKED; // any two of own, masked and own/masked
    }
}
