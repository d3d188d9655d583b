package io.microdrama.bench.subtitles;

import io.microdrama.subtitles.IngestResult;
import io.microdrama.subtitles.LanguageProfiles;
import io.microdrama.subtitles.QcContext;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.subtitles.SubtitleIngest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Parse + QC throughput of the subtitle engine (module subtitles, as localization-service runs it), in process: the same
 * {@code SubtitleIngest.ingest(bytes, context)} an upload runs (UTF-8 decoding, format detection, WebVTT or SRT
 * parsing, per-language QC), on generated tracks that look like partner deliveries: a 3-minute vertical episode,
 * one cue every 2-3 s with one or two lines, in ten languages (Latin, CJK, Hangul, Thai, Arabic, Devanagari), as
 * WebVTT (identifiers, cue settings, a NOTE, LF) and as SRT (CRLF, BOM, {@code <i>} tags), plus a 60-minute track to
 * show that cost grows linearly.
 * <p>
 * Every case is run once to warm the JIT up, then each is run again briefly and measured in three rounds of a third
 * of {@code --seconds} (default 3) on one thread; the median round is reported, as bytes and cues processed per
 * second of wall time. {@code --warmup} (default 2) is the warm-up seconds per case.
 */
public final class SubtitleThroughputBenchmark {

    private static final long EPISODE_MS = 180_000;
    private static final LanguageProfiles PROFILES = LanguageProfiles.loadDefault();

    /** Phrases of typical micro-drama dialogue; each fits a 9:16 line of its language. */
    private static final Map<String, List<String>> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put("en", List.of("I never signed a contract.", "You knew all along?", "Get out of my office.",
                "She is my wife now.", "Don't touch her!", "We were married for a year.", "Who sent you here?",
                "Then prove it."));
        PHRASES.put("es", List.of("Nunca firmé ese contrato.", "¿Lo sabías desde antes?", "Sal de mi oficina.",
                "Ahora es mi esposa.", "¡No la toques!", "¿Quién te envió?", "Entonces demuéstralo.", "Ya es tarde."));
        PHRASES.put("pt-BR", List.of("Eu nunca assinei aquilo.", "Você sabia o tempo todo?", "Saia do meu escritório.",
                "Agora ela é minha esposa.", "Não toque nela!", "Quem te mandou aqui?", "Então prove.", "É tarde demais."));
        PHRASES.put("de", List.of("Ich habe nie unterschrieben.", "Du wusstest es?", "Raus aus meinem Büro.",
                "Sie ist jetzt meine Frau.", "Fass sie nicht an!", "Wer hat dich geschickt?", "Dann beweise es.", "Zu spät."));
        PHRASES.put("ja", List.of("契約なんてしてない", "知ってたの？", "出て行け", "彼女は私の妻だ",
                "触るな！", "誰に頼まれた？", "証明してみろ", "もう遅い"));
        PHRASES.put("zh-Hans", List.of("我从没签过那份合同", "你早就知道了？", "滚出我的办公室", "她现在是我妻子",
                "别碰她！", "谁派你来的？", "那就证明给我看", "太晚了"));
        PHRASES.put("ko", List.of("계약한 적 없어", "처음부터 알았어?", "내 사무실에서 나가", "이제 내 아내야",
                "손대지 마!", "누가 보냈어?", "증명해 봐", "너무 늦었어"));
        PHRASES.put("th", List.of("ฉันไม่เคยเซ็นสัญญา", "คุณรู้มาตลอดเหรอ", "ออกไปจากห้องฉัน", "ตอนนี้เธอเป็นภรรยาฉัน",
                "อย่าแตะต้องเธอ!", "ใครส่งคุณมา", "งั้นพิสูจน์สิ", "สายไปแล้ว"));
        PHRASES.put("ar", List.of("لم أوقع ذلك العقد.", "هل كنت تعرف منذ البداية؟", "اخرج من مكتبي.", "إنها زوجتي الآن.",
                "لا تلمسها!", "من أرسلك إلى هنا؟", "إذن أثبت ذلك.", "فات الأوان."));
        PHRASES.put("hi", List.of("मैंने कभी साइन नहीं किया।", "तुम्हें पहले से पता था?", "मेरे ऑफिस से निकलो।",
                "अब वह मेरी पत्नी है।", "उसे मत छुओ!", "तुम्हें किसने भेजा?", "तो साबित करो।", "बहुत देर हो गई।"));
    }

    private record Case(String name, String language, SubtitleFormat format, byte[] body, int cues, long episodeMs) {
    }

    private record Result(Case testCase, long iterations, double seconds, int errors, int warnings) {
        double megabytesPerSecond() {
            return testCase.body().length * (double) iterations / seconds / 1_000_000.0;
        }

        double cuesPerSecond() {
            return testCase.cues() * (double) iterations / seconds;
        }
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "3"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "2"));
        SubtitleIngest ingest = SubtitleIngest.withDefaults();
        String which = options.getOrDefault("cases", "all");
        if (which.equals("pathological")) {
            pathological(ingest, Integer.parseInt(options.getOrDefault("min-kib", "64")),
                    Integer.parseInt(options.getOrDefault("max-kib", "1024")),
                    Double.parseDouble(options.getOrDefault("budget", "30")));
            return;
        }

        List<Case> cases = new ArrayList<>();
        for (String language : PHRASES.keySet()) {
            cases.add(generate(language, SubtitleFormat.WEBVTT, EPISODE_MS, 42));
            cases.add(generate(language, SubtitleFormat.SRT, EPISODE_MS, 42));
        }
        cases.add(generate("en", SubtitleFormat.WEBVTT, 20 * EPISODE_MS, 7));
        cases.add(generate("en", SubtitleFormat.SRT, 20 * EPISODE_MS, 7));

        System.out.printf("Subtitle parse + QC throughput (SubtitleIngest.ingest, one thread)%n");
        System.out.printf(Locale.ROOT, "JVM %s %s, %d cores, load average %.1f at start; %.0f s warm-up and %.0f s measured"
                        + " per case; MB = 10^6 bytes%n%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), warmup, seconds);
        System.out.printf("%-22s %8s %6s %10s %9s %12s %12s %7s%n", "case", "bytes", "cues", "per file", "MB/s",
                "cues/s", "files/s", "QC e/w");
        // JIT warm-up over every case first, so the first cases are not measured half-compiled.
        for (Case testCase : cases) {
            run(ingest, testCase, warmup / 2);
        }
        List<Result> results = new ArrayList<>();
        for (Case testCase : cases) {
            run(ingest, testCase, warmup / 2);
            Result result = median(List.of(run(ingest, testCase, seconds / 3), run(ingest, testCase, seconds / 3),
                    run(ingest, testCase, seconds / 3)));
            results.add(result);
            System.out.printf(Locale.ROOT, "%-22s %8d %6d %8.1f us %9.1f %12.0f %12.0f %3d/%-3d%n", testCase.name(),
                    testCase.body().length, testCase.cues(), result.seconds() / result.iterations() * 1e6,
                    result.megabytesPerSecond(), result.cuesPerSecond(), result.iterations() / result.seconds(),
                    result.errors(), result.warnings());
        }
        List<Result> episodes = results.subList(0, 2 * PHRASES.size());
        double bytes = episodes.stream().mapToDouble(r -> r.testCase().body().length * (double) r.iterations()).sum();
        double cues = episodes.stream().mapToDouble(r -> r.testCase().cues() * (double) r.iterations()).sum();
        double time = episodes.stream().mapToDouble(Result::seconds).sum();
        System.out.printf(Locale.ROOT, "%n3-minute episodes, all languages and both formats together: %.1f MB/s, %.0f cues/s%n",
                bytes / time / 1_000_000.0, cues / time);
    }

    /** Issue 16's worst cases, each a function from a target size in bytes to an upload body. */
    static Map<String, java.util.function.IntFunction<String>> pathologicalShapes() {
        Map<String, java.util.function.IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("mixed accents, 1 line (vtt)", size -> "WEBVTT\n\n00:01.000 --> 00:02.000\na"
                + "\u0301\u0323\u031B\u0327".repeat(size / 8) + "\n");
        shapes.put("font colour spaces (srt)", size -> "1\n00:00:01,000 --> 00:00:02,000\n<font color="
                + " ".repeat(size - 60) + "!>x</font>\n");
        shapes.put("regions x unknown (vtt)", size -> {
            StringBuilder text = new StringBuilder("WEBVTT\n\n");
            for (int i = 0; text.length() < size / 2; i++) {
                text.append("REGION\nid:r").append(i).append("\n\n");
            }
            while (text.length() < size - 40) {
                text.append("00:01.000 --> 00:02.000 region:zz\nx\n\n");
            }
            return text.toString();
        });
        return shapes;
    }

    /**
     * One upload and one delivery (ingest with QC in en, th and ja, then both writers) per shape and size, single
     * runs of wall time after one 16 KiB warm-up run per shape. Sizes double from {@code minKib} (64) up to
     * {@code maxKib} (1024, the upload limit); once
     * a run takes longer than {@code budgetSeconds}, larger sizes of that shape are skipped.
     */
    private static void pathological(SubtitleIngest ingest, int minKib, int maxKib, double budgetSeconds) {
        System.out.printf(Locale.ROOT, "Subtitle worst cases (issue 16): decode + parse + QC (en, th, ja) + both writers,"
                        + " one run each%nJVM %s %s, load average %.1f at start%n%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%-30s %9s %12s %10s%n", "shape", "bytes", "ms", "µs/KiB");
        for (Map.Entry<String, java.util.function.IntFunction<String>> shape : pathologicalShapes().entrySet()) {
            fullWork(ingest, shape.getValue().apply(16 * 1024).getBytes(StandardCharsets.UTF_8));
            for (int kib = minKib; kib <= maxKib; kib *= 2) {
                byte[] body = shape.getValue().apply(kib * 1024 - 64).getBytes(StandardCharsets.UTF_8);
                if (body.length > 1 << 20) {
                    body = shape.getValue().apply(kib * 1024 - 64 - (body.length - (1 << 20))).getBytes(StandardCharsets.UTF_8);
                }
                long start = System.nanoTime();
                fullWork(ingest, body);
                double ms = (System.nanoTime() - start) / 1e6;
                System.out.printf(Locale.ROOT, "%-30s %9d %12.1f %10.1f%n", shape.getKey(), body.length, ms,
                        ms * 1000 / (body.length / 1024.0));
                if (ms > budgetSeconds * 1000) {
                    System.out.printf("%-30s larger sizes skipped (over the %.0f s budget)%n", "", budgetSeconds);
                    break;
                }
            }
        }
    }

    private static void fullWork(SubtitleIngest ingest, byte[] body) {
        io.microdrama.subtitles.SubtitleDocument document = ingest.parse(body);
        io.microdrama.subtitles.QualityControl qc = new io.microdrama.subtitles.QualityControl(PROFILES);
        for (String language : new String[] {"en", "th", "ja"}) {
            qc.check(document, QcContext.verticalEpisode(language, 60_000));
        }
        new io.microdrama.subtitles.WebVttWriter().write(document);
        new io.microdrama.subtitles.SrtWriter().write(document);
    }

    /** The round with the median rate: one slow round (a GC, another process) does not move the figure. */
    private static Result median(List<Result> rounds) {
        return rounds.stream().sorted(java.util.Comparator.comparingDouble(Result::cuesPerSecond)).toList()
                .get(rounds.size() / 2);
    }

    /** Runs the case repeatedly for about {@code seconds}; QC counts of the last run keep the work observable. */
    private static Result run(SubtitleIngest ingest, Case testCase, double seconds) {
        QcContext context = QcContext.verticalEpisode(testCase.language(), testCase.episodeMs());
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long iterations = 0;
        IngestResult last = null;
        while (System.nanoTime() < deadline) {
            last = ingest.ingest(testCase.body(), context);
            iterations++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (last.document().cues().size() != testCase.cues()) {
            throw new IllegalStateException(testCase.name() + ": parsed " + last.document().cues().size() + " cues, generated "
                    + testCase.cues());
        }
        return new Result(testCase, iterations, elapsed, last.report().errorCount(), last.report().warningCount());
    }

    /**
     * A track covering {@code lengthMs}: one phrase per cue, a second line in one of three cues, each shown as long as
     * the language's reading speed needs (1-6.5 s), gaps of 0.2-1 s.
     */
    static Case generate(String language, SubtitleFormat format, long lengthMs, long seed) {
        Random random = new Random(seed);
        List<String> phrases = PHRASES.get(language);
        StringBuilder out = new StringBuilder(format == SubtitleFormat.WEBVTT
                ? "WEBVTT - " + language + " episode track\n\nNOTE generated by SubtitleThroughputBenchmark\n\n" : "\uFEFF");
        String newline = format == SubtitleFormat.WEBVTT ? "\n" : "\r\n";
        int cues = 0;
        double cps = PROFILES.resolve(language).cpsAdult();
        long at = 500;
        while (true) {
            String first = phrases.get(random.nextInt(phrases.size()));
            String second = random.nextInt(3) == 0 ? phrases.get(random.nextInt(phrases.size())) : null;
            String text = second == null ? first : first + newline + second;
            int characters = first.codePointCount(0, first.length()) + (second == null ? 0 : second.codePointCount(0, second.length()));
            // Shown long enough to read at 80 % of the language's speed limit, as a careful vendor would time it.
            long duration = Math.max(1000, Math.min(6500, (long) (characters / (cps * 0.8) * 1000)));
            long end = at + duration;
            if (end > lengthMs) {
                break;
            }
            cues++;
            if (format == SubtitleFormat.WEBVTT) {
                out.append("c").append(cues).append('\n').append(time(at, '.')).append(" --> ").append(time(end, '.'))
                        .append(random.nextInt(4) == 0 ? " line:10% align:center" : " line:85%").append('\n')
                        .append(text).append("\n\n");
            } else {
                String styled = random.nextInt(8) == 0 && !language.equals("ar") ? "<i>" + text + "</i>" : text;
                out.append(cues).append(newline).append(time(at, ',')).append(" --> ").append(time(end, ','))
                        .append(newline).append(styled).append(newline).append(newline);
            }
            at = end + 200 + random.nextInt(800);
        }
        String name = language + (lengthMs > EPISODE_MS ? " 60min " : " ") + (format == SubtitleFormat.WEBVTT ? "vtt" : "srt");
        return new Case(name, language, format, out.toString().getBytes(StandardCharsets.UTF_8), cues, lengthMs);
    }

    private static String time(long ms, char separator) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                separator, ms % 1000);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
