package cn.dongcheng.platform.common.identifier;

/**
 * Masks for natural persons' data in views whose caller may not see it (PIPL; the public-view forms that
 * Credit China uses): ID 110105********002X, name 张*, phone 138****1234, address cut after the street.
 */
public final class PersonalDataMasking {

    private PersonalDataMasking() {
    }

    public static String idNumber(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** Keeps the part up to and including the street (街道) or the first 6 characters, masks the rest. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int street = address.indexOf("街道");
        int keep = street >= 0 ? street + 2 : Math.min(6, address.length());
        return address.substring(0, keep) + (keep < address.length() ? "****" : "");
    }
}
