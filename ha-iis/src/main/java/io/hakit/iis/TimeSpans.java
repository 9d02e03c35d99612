package io.hakit.iis;

import java.time.Duration;
import java.util.Objects;

/**
 * IIS configuration time spans ({@code hh:mm:ss}, {@code d.hh:mm:ss}, fractions such as
 * {@code 00:00:00.1}) to and from {@link Duration}. Stateless.
 */
public final class TimeSpans {

    private TimeSpans() {
    }

    /**
     * @param d a non-negative duration
     * @return it as IIS writes it: {@code hh:mm:ss}, {@code d.hh:mm:ss} from one day, a fraction when not whole seconds
     * @throws IllegalArgumentException when {@code d} is negative
     */
    public static String format(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("time span (" + d + ") must not be negative");
        }
        long s = d.getSeconds();
        long days = s / 86_400;
        String text = String.format("%02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        if (days > 0) {
            text = days + "." + text;
        }
        int nanos = d.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
            text = text + "." + fraction;
        }
        return text;
    }

    /**
     * @param text a time span as IIS writes it
     * @return the duration
     * @throws IllegalArgumentException naming the text when it is not a time span
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        try {
            long days = 0;
            int colon = t.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException();
            }
            int dot = t.indexOf('.');
            if (dot >= 0 && dot < colon) {
                days = Long.parseLong(t.substring(0, dot));
                t = t.substring(dot + 1);
            }
            String[] parts = t.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            long hours = Long.parseLong(parts[0]);
            long minutes = Long.parseLong(parts[1]);
            String sec = parts[2];
            long nanos = 0;
            int fd = sec.indexOf('.');
            if (fd >= 0) {
                String fraction = (sec.substring(fd + 1) + "000000000").substring(0, 9);
                nanos = Long.parseLong(fraction);
                sec = sec.substring(0, fd);
            }
            long seconds = Long.parseLong(sec);
            if (days < 0 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
                throw new IllegalArgumentException();
            }
            return Duration.ofSeconds(days * 86_400 + hours * 3600 + minutes * 60 + seconds, nanos);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time span (hh:mm:ss or d.hh:mm:ss)");
        }
    }
}
