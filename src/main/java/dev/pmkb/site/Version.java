package dev.pmkb.site;

/** pmkb's version, from the jar manifest or, when run from classes, the build's resource. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        if (v != null) return v;
        try (var in = Version.class.getResourceAsStream("/pmkb-version.txt")) {
            return in == null ? "dev" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
