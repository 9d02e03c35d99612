package io.hakit.health.vendor;

import io.hakit.model.StatusCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers of the vendor mappings. */
final class Mapping {

    private Mapping() {
    }

    /** Rounds up to whole seconds (at least 1), noting a change. */
    static Duration wholeSeconds(String field, Duration d, List<String> lost, String vendor) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        Duration rounded = Duration.ofSeconds(s);
        if (!rounded.equals(d)) {
            lost.add(field + " " + human(d) + " rounded up to " + s + " s: " + vendor + " counts whole seconds");
        }
        return rounded;
    }

    static String timeSpan(Duration d) {
        long s = d.getSeconds();
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** An HTTP/1.1 request as Citrix and F5 send strings carry it. */
    static String request(String method, String path, String host) {
        return method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    }

    /** A regular expression matching a status line whose code is in {@code codes}. */
    static String statusLineRegex(StatusCodes codes) {
        List<String> parts = new ArrayList<>();
        List<Integer> all = codes.codes();
        int i = 0;
        while (i < all.size()) {
            int c = all.get(i);
            if (c % 100 == 0 && covers(all, i, c, 100)) {
                parts.add((c / 100) + "[0-9][0-9]");
                i += 100;
            } else if (c % 10 == 0 && covers(all, i, c, 10)) {
                parts.add((c / 10) + "[0-9]");
                i += 10;
            } else {
                parts.add(Integer.toString(c));
                i++;
            }
        }
        return "^HTTP/1\\.[01] (" + String.join("|", parts) + ")";
    }

    private static boolean covers(List<Integer> all, int i, int from, int n) {
        return i + n - 1 < all.size() && all.get(i + n - 1) == from + n - 1;
    }

    /** Escapes regular-expression metacharacters so the text matches literally (F5 recv is a regex). */
    static String literalRegex(String text) {
        StringBuilder b = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(ch) >= 0) {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }
}
