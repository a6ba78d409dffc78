package dev.pmkb.site;

/** pmkb's version, from the jar manifest or, when run from classes, the build's resource. */
public final class Version {
    private Version() {
    }

    /** Read once: the build cache asks for it in the key of every entry, thousands of times a bake. */
    private static final String CURRENT = read();

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        String v = Version.class.getPackage().getImplementationVersion();
        if (v != null) return v;
        try (var in = Version.class.getResourceAsStream("/pmkb-version.txt")) {
            return in == null ? "dev" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
