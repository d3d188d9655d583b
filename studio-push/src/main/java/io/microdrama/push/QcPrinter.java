package io.microdrama.push;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.subtitles.ParseFinding;
import io.microdrama.subtitles.QcFinding;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.Severity;

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

    /**
     * A report computed locally, in the same layout: QC findings by cue, then what the parser reported, by line
     * (a parse ERROR is a cue the platform would drop). Parse INFO findings (cosmetic) only when asked.
     */
    void print(QcReport report, boolean withInfo) {
        for (QcFinding finding : report.findings()) {
            String where = finding.cueNumber() != null
                    ? String.format("cue %-4d %s", finding.cueNumber(), time(finding.startMs()))
                    : "whole track        ";
            line(where, finding.severity(), finding.code().name(), finding.message());
        }
        for (ParseFinding finding : report.parseFindings()) {
            if (withInfo || finding.severity() != Severity.INFO) {
                line(String.format("line %-14d", finding.lineNumber()), finding.severity(), finding.code().name(),
                        finding.message());
            }
        }
    }

    private void line(String where, Severity severity, String code, String message) {
        out.printf("        %s  %-7s %-24s %s%n", where, severity, code, message);
    }

    static String time(long millis) {
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }
}
