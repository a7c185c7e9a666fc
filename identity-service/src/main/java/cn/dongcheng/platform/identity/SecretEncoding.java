package cn.dongcheng.platform.identity;

/**
 * Passwords and client secrets from configuration in Spring Security's stored form: a value that already names its
 * encoding ({@code {bcrypt}…}, for clusters) stays as it is; a plain one (local runs, generated secrets) is
 * {@code {noop}}.
 */
public final class SecretEncoding {

    private SecretEncoding() {
    }

    public static String stored(String configured) {
        return configured.startsWith("{") ? configured : "{noop}" + configured;
    }
}
