package io.microdrama.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The demo catalogue shipped in demo/packages/&lt;studio&gt;/&lt;drama&gt;: 20 dramas of 50-100 episodes from three studios,
 * licensed over ten countries on four continents, with subtitles in Spanish, German, Portuguese, Japanese, Korean,
 * Chinese, Arabic and Hebrew; a few files are deliberately broken so quality control has something to say.
 * Deterministic: {@code DemoPackagesTest} checks the committed files are exactly what this writes.
 * Regenerate with {@code ./mvnw -pl studio-push test-compile exec:java}-style runs of {@link #main}.
 */
final class DemoPackages {

    record Drama(String studio, String id, String title, String originalLanguage, String genres, String tier, int episodes,
            List<String> licences, String ratings, List<String> subtitleLanguages, Map<String, Integer> brokenEpisodes) {
    }

    static final String OPEN = "2025-01-01T00:00:00Z";

    static List<Drama> catalogue() {
        List<Drama> dramas = new ArrayList<>();
        // aurora: English originals
        dramas.add(new Drama("aurora", "contract-bride", "The Contract Bride", "en", "romance,ceo", "standard", 80,
                List.of(open("GB"), open("US"), open("DE"), open("KW"), open("SA")), "DE=fsk:12",
                List.of("es-419", "de", "ar"), Map.of("ar", 7)));
        dramas.add(new Drama("aurora", "midnight-ceo", "Midnight CEO", "en", "romance,ceo", "premium", 60,
                List.of(open("US"), open("MX"), open("BR")), "BR=djctq:14", List.of("es-419", "pt-BR"), Map.of()));
        dramas.add(new Drama("aurora", "alpha-heir", "The Alpha Heir", "en", "fantasy", "standard", 100,
                List.of(open("US"), open("GB"), window("JP", "2027-01-01T00:00:00Z", null)), "", List.of("es-419", "ja"), Map.of()));
        dramas.add(new Drama("aurora", "revenge-vows", "Revenge Vows", "en", "revenge", "promo", 50,
                List.of(window("GB", OPEN, "2026-06-01T00:00:00Z"), open("US")), "", List.of("es-419"), Map.of()));
        dramas.add(new Drama("aurora", "secret-twin", "My Secret Twin", "en", "romance,thriller", "standard", 70,
                List.of(open("KR"), open("JP"), open("US")), "", List.of("ko", "ja", "es-419"), Map.of()));
        dramas.add(new Drama("aurora", "desert-rose", "Desert Rose", "en", "romance", "standard", 55,
                List.of(open("SA"), open("KW"), open("IL")), "", List.of("ar", "he"), Map.of()));
        dramas.add(new Drama("aurora", "lost-heiress", "The Lost Heiress", "en", "drama,revenge", "standard", 65,
                List.of(open("DE"), open("GB")), "DE=fsk:16", List.of(), Map.of()));
        // lotus: Chinese originals
        dramas.add(new Drama("lotus", "jade-palace", "Jade Palace", "zh-Hans", "historical,romance", "premium", 90,
                List.of(open("TW"), open("US"), open("SA")), "", List.of("zh-Hant", "en", "es-419"), Map.of()));
        dramas.add(new Drama("lotus", "phoenix-return", "Return of the Phoenix", "zh-Hans", "revenge,historical", "standard", 60,
                List.of(open("TW"), open("KR")), "KR=kmrb:15", List.of("zh-Hant", "en", "ko"), Map.of()));
        dramas.add(new Drama("lotus", "cold-emperor", "The Cold Emperor", "zh-Hans", "historical", "standard", 50,
                List.of(open("TW")), "", List.of("zh-Hant", "en"), Map.of("en", 12)));
        dramas.add(new Drama("lotus", "silk-and-steel", "Silk and Steel", "zh-Hans", "action,romance", "standard", 75,
                List.of(open("US"), open("MX")), "", List.of("en", "es-419"), Map.of()));
        dramas.add(new Drama("lotus", "moon-bride", "Bride of the Moon", "zh-Hans", "fantasy,romance", "promo", 55,
                List.of(open("TW"), open("JP")), "", List.of("zh-Hant", "en"), Map.of()));
        dramas.add(new Drama("lotus", "red-thread", "The Red Thread", "zh-Hans", "romance", "standard", 50,
                List.of(open("KW"), open("SA")), "", List.of("en", "ar"), Map.of()));
        // sakura: Japanese originals
        dramas.add(new Drama("sakura", "tokyo-contract", "Tokyo Contract", "ja", "romance,ceo", "standard", 60,
                List.of(open("JP"), open("US")), "", List.of("en", "es-419"), Map.of()));
        dramas.add(new Drama("sakura", "samurai-heart", "Samurai Heart", "ja", "historical,action", "premium", 80,
                List.of(open("JP"), open("KR")), "KR=kmrb:12", List.of("en", "ko"), Map.of()));
        dramas.add(new Drama("sakura", "cherry-vow", "Cherry Blossom Vow", "ja", "romance", "standard", 50,
                List.of(open("JP"), open("TW")), "", List.of("en", "zh-Hant"), Map.of()));
        dramas.add(new Drama("sakura", "idol-secret", "The Idol's Secret", "ja", "romance,drama", "standard", 65,
                List.of(open("JP"), open("GB"), open("US")), "", List.of("en", "es-419"), Map.of()));
        dramas.add(new Drama("sakura", "night-shift-love", "Night Shift Love", "ja", "romance", "promo", 55,
                List.of(open("JP"), open("BR")), "BR=djctq:12", List.of("en", "pt-BR"), Map.of()));
        dramas.add(new Drama("sakura", "ramen-romance", "Ramen Romance", "ja", "comedy,romance", "standard", 50,
                List.of(open("JP")), "", List.of("en"), Map.of("en", 3)));
        dramas.add(new Drama("sakura", "fox-wife", "The Fox Wife", "ja", "fantasy", "standard", 70,
                List.of(window("JP", "2027-02-01T00:00:00Z", null), open("KR")), "KR=kmrb:15", List.of("en", "ko"), Map.of()));
        return dramas;
    }

    static final Map<String, List<String>> LINES = new LinkedHashMap<>();

    static {
        LINES.put("en", List.of("Sign here.", "You owe me a wedding.", "Not tonight.", "Who is she?", "I quit.",
                "Then marry me.", "It was a contract.", "Don't look back."));
        LINES.put("es-419", List.of("Firma aquí.", "Me debes una boda.", "Esta noche no.", "¿Quién es ella?", "Renuncio.",
                "Entonces cásate conmigo.", "Era un contrato.", "No mires atrás."));
        LINES.put("de", List.of("Unterschreib hier.", "Du schuldest mir was.", "Nicht heute Nacht.", "Wer ist sie?",
                "Ich kündige.", "Dann heirate mich.", "Es war ein Vertrag.", "Schau nicht zurück."));
        LINES.put("pt-BR", List.of("Assine aqui.", "Você me deve um casamento.", "Hoje não.", "Quem é ela?", "Eu me demito.",
                "Então case comigo.", "Era um contrato.", "Não olhe para trás."));
        LINES.put("ja", List.of("ここに署名して", "結婚の約束よ", "今夜はだめ", "彼女は誰？", "辞めます", "なら結婚して",
                "ただの契約", "振り返らないで"));
        LINES.put("ko", List.of("여기 서명해", "결혼 빚졌잖아", "오늘 밤은 안 돼", "그녀는 누구야?", "그만둘게요", "그럼 결혼해",
                "계약이었어", "뒤돌아보지 마"));
        LINES.put("zh-Hant", List.of("在這裡簽名", "你欠我一場婚禮", "今晚不行", "她是誰？", "我辭職", "那就嫁給我", "那只是合約",
                "別回頭"));
        LINES.put("ar", List.of("وقّع هنا", "أنت مدين لي بزفاف", "ليس الليلة", "من هي؟", "أستقيل", "إذن تزوجني", "كان عقدًا",
                "لا تنظر خلفك"));
        LINES.put("he", List.of("חתום כאן", "אתה חייב לי חתונה", "לא הלילה", "מי היא?", "אני מתפטרת", "אז תתחתן איתי",
                "זה היה חוזה", "אל תסתכל אחורה"));
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "demo/packages");
        write(target);
        System.out.println("Wrote " + catalogue().size() + " packages to " + target);
    }

    static void write(Path target) throws IOException {
        for (Drama drama : catalogue()) {
            Path dir = target.resolve(drama.studio()).resolve(drama.id());
            Files.createDirectories(dir.resolve("subtitles"));
            Files.writeString(dir.resolve("drama.json"), manifest(drama), StandardCharsets.UTF_8);
            for (String language : drama.subtitleLanguages()) {
                for (int episode = 1; episode <= drama.episodes(); episode++) {
                    boolean broken = drama.brokenEpisodes().getOrDefault(language, -1) == episode;
                    boolean srt = (episode + language.length()) % 4 == 0;
                    String name = "e%03d.%s.%s".formatted(episode, language, srt ? "srt" : "vtt");
                    Files.writeString(dir.resolve("subtitles").resolve(name),
                            subtitle(language, episode, durationOf(drama, episode), srt, broken), StandardCharsets.UTF_8);
                }
            }
        }
    }

    static int durationOf(Drama drama, int episode) {
        return 60 + (episode * 37 + drama.id().length() * 11) % 61;       // 60-120 s, varied but fixed
    }

    static String manifest(Drama drama) {
        String episodes = IntStream.rangeClosed(1, drama.episodes()).mapToObj(n -> ("    {\"number\": %d, \"title\": \"Episode %d\", "
                + "\"durationSeconds\": %d, \"videoUri\": \"https://media.example.com/%s/%s/%03d.mp4\", "
                + "\"videoChecksum\": \"sha256:%s\"}").formatted(n, n, durationOf(drama, n), drama.studio(), drama.id(), n,
                DramaPackage.sha256((drama.id() + "/" + n).getBytes(StandardCharsets.UTF_8))))
                .collect(Collectors.joining(",\n"));
        String ratings = drama.ratings().isEmpty() ? "" : java.util.Arrays.stream(drama.ratings().split(";"))
                .map(r -> "\"" + r.split("=")[0] + "\": \"" + r.split("=")[1] + "\"").collect(Collectors.joining(", "));
        String genres = java.util.Arrays.stream(drama.genres().split(",")).map(g -> "\"" + g + "\"").collect(Collectors.joining(", "));
        return """
                {
                  "externalId": "%s",
                  "title": "%s",
                  "synopsis": "%s: a vertical micro-drama in %d episodes.",
                  "originalLanguage": "%s",
                  "genres": [%s],
                  "coverImageUri": "https://media.example.com/%s/%s/cover.jpg",
                  "ageRatings": {%s},
                  "pricingTier": "%s",
                  "episodes": [
                %s
                  ],
                  "licences": [%s]
                }
                """.formatted(drama.id(), drama.title(), drama.title(), drama.episodes(), drama.originalLanguage(), genres,
                drama.studio(), drama.id(), ratings, drama.tier(), episodes, String.join(", ", drama.licences()));
    }

    /** Cues every 7 s, 3 s long, one short line each; a broken file has a cue past the episode's end. */
    static String subtitle(String language, int episode, int durationSeconds, boolean srt, boolean broken) {
        List<String> lines = LINES.get(language);
        StringBuilder text = new StringBuilder(srt ? "" : "WEBVTT\n\n");
        int cue = 1;
        for (int start = 2; start + 3 <= durationSeconds - 1; start += 7, cue++) {
            text.append(srt ? cue + "\n" : "").append(time(start * 1000L, srt)).append(" --> ")
                    .append(time((start + 3) * 1000L, srt)).append('\n')
                    .append(lines.get((episode + cue) % lines.size())).append("\n\n");
        }
        if (broken) {
            long end = durationSeconds * 1000L;
            text.append(srt ? cue + "\n" : "").append(time(end + 2000, srt)).append(" --> ").append(time(end + 5000, srt))
                    .append('\n').append(lines.get(0)).append("\n\n");
        }
        return text.toString();
    }

    static String time(long millis, boolean srt) {
        return String.format("%02d:%02d:%02d%s%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                srt ? "," : ".", millis % 1000);
    }

    private static String open(String region) {
        return window(region, OPEN, null);
    }

    private static String window(String region, String from, String until) {
        return until == null ? "{\"region\": \"%s\", \"validFrom\": \"%s\"}".formatted(region, from)
                : "{\"region\": \"%s\", \"validFrom\": \"%s\", \"validUntil\": \"%s\"}".formatted(region, from, until);
    }
}
