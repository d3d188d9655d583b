package io.microdrama.subtitles;

/** The W3C "rules to parse a percentage string": digits, optional '.' and digits, then '%', in 0..100. */
final class WebVttPercentage {

    private WebVttPercentage() {
    }

    /** @return the percentage, or null when the string is not a valid WebVTT percentage */
    static Double parse(String s) {
        if (s.length() < 2 || s.charAt(s.length() - 1) != '%') {
            return null;
        }
        String number = s.substring(0, s.length() - 1);
        int i = 0;
        while (i < number.length() && WebVttTimestamp.isDigit(number.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        if (i < number.length()) {
            if (number.charAt(i) != '.') {
                return null;
            }
            int fractionStart = ++i;
            while (i < number.length() && WebVttTimestamp.isDigit(number.charAt(i))) {
                i++;
            }
            if (i == fractionStart || i < number.length()) {
                return null;
            }
        }
        double value = Double.parseDouble(number);
        return value < 0 || value > 100 ? null : value;
    }
}
