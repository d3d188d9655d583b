package io.microdrama.push;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;

/** Prints a subtitle QC report the way a subtitler reads it: cue number, time, severity, rule, message. */
final class QcPrinter {

    private final PrintStream out;

    QcPrinter(PrintStream out) {
        this.out = out;
    }

    void print(JsonNode report) {
        for (JsonNode finding : report.path("findings")) {
            String where = finding.hasNonNull("cueNumber")
                    ? String.format("cue %-4d %s", finding.path("cueNumber").asInt(), time(finding.path("startMs").asLong()))
                    : "whole track        ";
            out.printf("        %s  %-7s %-24s %s%n", where, finding.path("severity").asText(), finding.path("code").asText(),
                    finding.path("message").asText());
        }
    }

    static String time(long millis) {
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }
}
