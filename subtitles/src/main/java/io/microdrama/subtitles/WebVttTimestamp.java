package io.microdrama.subtitles;

/**
 * The W3C "collect a WebVTT timestamp" algorithm: {@code [h*:]mm:ss.ttt}. Hours are optional and take any number
 * of digits (the syntax asks for two or more, the algorithm accepts one; we flag that), minutes and seconds have
 * exactly two digits and are 00-59, the fraction has exactly three digits after a period.
 */
final class WebVttTimestamp {

    /** Beyond 9 hour digits the value would not fit our millisecond long; no real file gets near it. */
    private static final int MAX_HOUR_DIGITS = 9;

    /**
     * @param millis            the time, or -1 when {@code error} is set
     * @param next              position after the timestamp
     * @param singleDigitHours  hours were present with fewer than two digits
     */
    record Result(long millis, int next, boolean singleDigitHours, ParseIssue error) {

        boolean failed() {
            return error != null;
        }
    }

    private WebVttTimestamp() {
    }

    static Result collect(String input, int position) {
        int pos = position;
        if (pos >= input.length()) {
            return fail(pos, ParseCode.VTT_TIMING_INVALID, "a timestamp is missing");
        }
        if (!isDigit(input.charAt(pos))) {
            return fail(pos, ParseCode.VTT_TIMING_INVALID,
                    "a timestamp must start with a digit, found '" + input.charAt(pos) + "'");
        }
        int digitsEnd = digitsEnd(input, pos);
        String first = input.substring(pos, digitsEnd);
        if (first.length() > MAX_HOUR_DIGITS) {
            return fail(pos, ParseCode.VTT_TIMING_INVALID, "the hours value " + ParseIssue.abbreviate(first) + " is out of range");
        }
        pos = digitsEnd;
        long value1 = Long.parseLong(first);
        boolean hours = first.length() != 2 || value1 > 59;

        if (pos >= input.length() || input.charAt(pos) != ':') {
            return fail(pos, ParseCode.VTT_TIMING_INVALID, "expected ':' after '" + ParseIssue.abbreviate(first) + "'");
        }
        pos++;
        digitsEnd = digitsEnd(input, pos);
        String second = input.substring(pos, digitsEnd);
        if (second.length() != 2) {
            return fail(pos, ParseCode.VTT_TIMING_INVALID,
                    "minutes and seconds need exactly two digits, found '" + ParseIssue.abbreviate(second) + "'");
        }
        pos = digitsEnd;
        long value2 = Long.parseLong(second);
        long value3;
        if (hours || (pos < input.length() && input.charAt(pos) == ':')) {
            if (pos >= input.length() || input.charAt(pos) != ':') {
                return fail(pos, ParseCode.VTT_TIMING_INVALID, "'" + first
                        + "' can only be hours (not two digits or above 59), so ':ss' must follow the minutes");
            }
            pos++;
            digitsEnd = digitsEnd(input, pos);
            String third = input.substring(pos, digitsEnd);
            if (third.length() != 2) {
                return fail(pos, ParseCode.VTT_TIMING_INVALID,
                        "seconds need exactly two digits, found '" + ParseIssue.abbreviate(third) + "'");
            }
            pos = digitsEnd;
            value3 = Long.parseLong(third);
            hours = true;
        } else {
            value3 = value2;
            value2 = value1;
            value1 = 0;
        }
        if (pos >= input.length() || input.charAt(pos) != '.') {
            if (pos < input.length() && input.charAt(pos) == ',') {
                return fail(pos, ParseCode.VTT_TIMESTAMP_COMMA,
                        "the timestamp uses ',' before the milliseconds; WebVTT requires '.'"
                                + " (browsers skip such cues, so do we)");
            }
            return fail(pos, ParseCode.VTT_TIMING_INVALID, "expected '.' and three digits of milliseconds");
        }
        pos++;
        digitsEnd = digitsEnd(input, pos);
        String fraction = input.substring(pos, digitsEnd);
        if (fraction.length() != 3) {
            return fail(pos, ParseCode.VTT_TIMING_INVALID,
                    "milliseconds need exactly three digits, found '" + ParseIssue.abbreviate(fraction) + "'");
        }
        pos = digitsEnd;
        long value4 = Long.parseLong(fraction);
        if (value2 > 59 || value3 > 59) {
            return fail(pos, ParseCode.VTT_TIMING_INVALID, "minutes and seconds must be between 00 and 59");
        }
        long millis = ((value1 * 60 + value2) * 60 + value3) * 1000 + value4;
        return new Result(millis, pos, hours && first.length() < 2, null);
    }

    /** {@code hh:mm:ss.ttt}, hours always written (at least two digits) so every player reads it. */
    static String format(long millis) {
        return SubtitleTime.format(millis, '.');
    }

    private static Result fail(int pos, ParseCode code, String message) {
        return new Result(-1, pos, false, new ParseIssue(code, message));
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
