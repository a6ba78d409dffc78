package dev.pmkb.export;

import java.util.List;

/** The tests' reader of the export's number codes and front-coded terms: the Java twin of the client's decoder. */
final class NumberDecoder {

    private NumberDecoder() {
    }

    /** Decodes a whole string of codes, as the browser client does. */
    static int[] decode(String codes) {
        int[] out = new int[codes.length()];
        int n = 0;
        long high = 0;
        for (int i = 0; i < codes.length(); i++) {
            int digit = NumberCodes.ALPHABET.indexOf(codes.charAt(i));
            if (digit < 0) throw new IllegalArgumentException("not a code character: " + codes.charAt(i));
            if (digit >= NumberCodes.FINAL) {
                high = high * NumberCodes.MORE + (digit - NumberCodes.FINAL);
            } else {
                out[n++] = Math.toIntExact(high * NumberCodes.FINAL + digit);
                high = 0;
            }
        }
        if (high != 0) throw new IllegalArgumentException("codes end inside a number");
        return java.util.Arrays.copyOf(out, n);
    }

    /** The terms of {@link NumberCodes#frontCoded}, as the browser client reads them. */
    static List<String> frontDecoded(String coded) {
        List<String> terms = new java.util.ArrayList<>();
        if (coded.isEmpty()) return terms;
        String previous = "";
        for (String record : coded.split(" ", -1)) {
            int i = 0;
            long high = 0;
            int shared;
            while (true) {
                int digit = NumberCodes.ALPHABET.indexOf(record.charAt(i++));
                if (digit >= NumberCodes.FINAL) {
                    high = high * NumberCodes.MORE + (digit - NumberCodes.FINAL);
                } else {
                    shared = Math.toIntExact(high * NumberCodes.FINAL + digit);
                    break;
                }
            }
            previous = previous.substring(0, shared) + record.substring(i);
            terms.add(previous);
        }
        return terms;
    }
}
