package io.gongkai.contracts.testing;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/** The raw material of hostile requests: odd numbers, strings, codes, bytes and query values. */
public final class HostileValues {

    /** Numbers as JSON literals that must never be taken as a count: too big, too precise, not numbers at all. */
    public static final List<String> NEVER_A_COUNT = List.of("1e999999999", "0E-300000", "0E-999999999", "1e-7",
            "99999999999999999999999", "0.0000001", "-1", "1.5", "1000000000", "9223372036854775808",
            "-9223372036854775809", "1E+400", "1e-400", "0.5e1", "\"12\"", "\"\"", "true", "null", "[]", "{}", "[1]",
            "NaN", "Infinity", "-Infinity", "0x10", "1_000", "+1", ".5", "1.", "01", "1e", "--1",
            "1" + "0".repeat(64), "0." + "0".repeat(70) + "1");

    /** Numbers whose reading is open (zero or whole in another spelling): they may pass or be refused. */
    public static final List<String> ODD_BUT_WHOLE = List.of("-0", "0.0", "1E+2", "1.000", "0E+5", "2E0");

    /** A fee (wan yuan, at most six decimals) must refuse these. */
    public static final List<String> NEVER_A_FEE = List.of("1e999999999", "0E-300000", "0E-999999999", "1e-7",
            "0.0000001", "99999999999999999999999", "-0.000001", "\"5949.088667\"", "NaN", "1e-400",
            "0." + "0".repeat(70) + "1");

    private HostileValues() {
    }

    /** A string meant to break whatever reads it. */
    public static String oddString(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "x".repeat(300_000);
            case 1 -> "三".repeat(70_000);
            case 2 -> "' OR 1=1 --";
            case 3 -> "<script>alert(1)</script>";
            case 4 -> "\u0000\u0001\u0007";
            case 5 -> "\u202E\u200B\uFEFF名称";
            case 6 -> "😀".repeat(50);
            case 7 -> "\uD800";
            case 8 -> "../../etc/passwd";
            case 9 -> "%s%n%x";
            case 10 -> "";
            default -> " ".repeat(random.nextInt(5) + 1);
        };
    }

    /** Spellings of a code that look like it but are not it: full-width digits, case, spaces, control characters. */
    public static List<String> lookalikes(String code) {
        StringBuilder fullWidth = new StringBuilder();
        code.chars().forEach(c -> fullWidth.append(c >= '0' && c <= '9' ? (char) ('０' + c - '0')
                : c >= 'A' && c <= 'Z' ? (char) ('Ａ' + c - 'A') : (char) c));
        return Stream.of(fullWidth.toString(), code.toLowerCase(Locale.ROOT), swapCase(code), " " + code, code + " ",
                        code + "\u0000", code + "\n", "\u200B" + code, code.replace('0', 'O'), code + code, code + "-",
                        "-" + code, code.substring(0, code.length() - 1), code + "0")
                .filter(lookalike -> !lookalike.equals(code)).distinct().toList();
    }

    private static String swapCase(String code) {
        StringBuilder swapped = new StringBuilder();
        code.chars().forEach(c -> swapped.append(Character.isUpperCase(c) ? Character.toLowerCase((char) c)
                : Character.toUpperCase((char) c)));
        return swapped.toString();
    }

    /** A JSON value nested {@code depth} levels deep in arrays or objects. */
    public static String deeplyNested(int depth, boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    /** Invalid UTF-8 sequences: a lone continuation byte, an overlong '/', a UTF-16 surrogate, bytes never used. */
    public static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80});

    /** {@code text} with {@code bad} put in place of the first occurrence of {@code marker}, as bytes. */
    public static byte[] withBytes(String text, String marker, byte[] bad) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("no " + marker + " in the text");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Query and path values that are not what a parameter wants. */
    public static List<String> garbage() {
        return List.of("garbage", "", "-1", "0", "1e3", "99999", "2147483648", "-2147483649", "9223372036854775808",
                "1000000000", "NaN", "null", "true", "[]", "%00", "../..", "' OR 1=1 --", "１２", "2023.0", " 2023",
                "x".repeat(5_000));
    }

    /** A value as it goes into a query string or path segment. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value as a report shows it: control and invisible characters escaped, long ones cut. */
    public static String shown(String value) {
        StringBuilder visible = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> visible.append(Character.isISOControl(c) || c == 0x200B || c == 0xFEFF
                || c == 0x202E ? String.format("\\u%04X", c) : Character.toString(c)));
        return value.length() > 40 ? visible + "…(" + value.length() + " chars)" : visible.toString();
    }

    /**
     * Whether an integer parameter with this value is in [min, max]: true or false for plain ASCII integers and
     * clear garbage (false), empty when the reading is open (an empty value, digits of other scripts).
     */
    public static Optional<Boolean> integerIn(String value, long min, long max) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c > 127 && Character.isDigit(c))) {
            return Optional.empty();
        }
        if (!value.matches("-?\\d{1,18}")) {
            return Optional.of(false);
        }
        long number = Long.parseLong(value);
        return Optional.of(number >= min && number <= max);
    }
}
