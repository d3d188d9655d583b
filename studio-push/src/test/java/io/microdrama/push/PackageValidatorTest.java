package io.microdrama.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageValidatorTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aValidPackageHasNoProblems(@TempDir Path dir) throws Exception {
        DramaPackage pkg = DramaPackage.read(TestPackages.valid(dir, "ok-1", 2, "e001.ja.vtt", "e002.ar.srt"), json);
        assertThat(new PackageValidator().validate(pkg)).isEmpty();
        assertThat(pkg.subtitles()).extracting(SubtitleFile::episode, SubtitleFile::language, SubtitleFile::format)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "ja", "vtt"), org.assertj.core.groups.Tuple.tuple(2, "ar", "srt"));
        assertThat(pkg.dramaBody().has("externalId")).as("package-only field is not sent").isFalse();
    }

    @Test
    void everyProblemIsNamedWithItsFileOrField(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "bad id!", 2, "e001.ja.vtt", "e003.ko.vtt", "e001.qq.vtt", "e002.fr.srt");
        String manifest = Files.readString(dir.resolve("drama.json"))
                .replace("\"number\":2", "\"number\":4")
                .replace("\"region\":\"GB\"", "\"region\":\"XX\"");
        Files.writeString(dir.resolve("drama.json"), manifest);
        Files.write(dir.resolve("subtitles/e002.fr.srt"), new byte[] { 'h', 'i', (byte) 0xC3, (byte) 0x28 });
        Files.writeString(dir.resolve("subtitles/episode-one-german.vtt"), "WEBVTT\n");
        Files.writeString(dir.resolve("subtitles/e001.ja.vtt"), "not a subtitle\n");

        List<String> problems = new PackageValidator().validate(DramaPackage.read(dir, json)).stream()
                .map(PackageProblem::toString).toList();
        assertThat(problems).containsExactlyInAnyOrder(
                "drama.json:externalId: is required: 1-128 characters from A-Z a-z 0-9 . _ -",
                "drama.json:episodes[1].number: episodes must be numbered 1..2 in order without gaps (expected 2)",
                "drama.json:licences[0].region: must be an ISO 3166-1 alpha-2 country or a region group "
                        + io.microdrama.contracts.regions.RegionGroups.groups().keySet(),
                "subtitles/episode-one-german.vtt: is not named e<episode>.<language>.<vtt|srt> (e.g. e001.ja.vtt)",
                "subtitles/e001.ja.vtt: a WebVTT file must start with the line WEBVTT",
                "subtitles/e001.qq.vtt: 'qq' is not a known language tag",
                "subtitles/e002.fr.srt: The file is not valid UTF-8 (first invalid byte at offset 2). It was probably saved"
                        + " as Windows-1252, Latin-1 or another legacy encoding; please export it as UTF-8.",
                "subtitles/e003.ko.vtt: episode 3 does not exist (the drama has 2)");
    }

    @Test
    void subtitleFilesThePlatformWouldRefuseAreProblemsWithItsOwnMessages(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "ok-2", 1, "e001.de.srt", "e001.fr.vtt", "e001.es.srt", "e001.it.vtt");
        Files.writeString(dir.resolve("subtitles/e001.de.srt"), "WEBVTT\n\n00:01.000 --> 00:02.000\nHallo\n");
        Files.write(dir.resolve("subtitles/e001.fr.vtt"), "WEBVTT\n\n00:01.000 --> 00:02.000\nSalut\0\n".getBytes());
        Files.writeString(dir.resolve("subtitles/e001.es.srt"), "Hola, no timing here\n");
        Files.writeString(dir.resolve("subtitles/e001.it.vtt"), "\uFEFF\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nCiao\n");
        List<String> problems = new PackageValidator().validate(DramaPackage.read(dir, json)).stream()
                .map(PackageProblem::toString).toList();
        assertThat(problems).hasSize(4).anySatisfy(p -> assertThat(p).startsWith("subtitles/e001.de.srt: starts with WEBVTT"))
                .anySatisfy(p -> assertThat(p).startsWith("subtitles/e001.fr.vtt: The file contains a NUL byte"))
                .anySatisfy(p -> assertThat(p).startsWith("subtitles/e001.es.srt: Neither WebVTT"))
                .anySatisfy(p -> assertThat(p).startsWith("subtitles/e001.it.vtt: Not a WebVTT file"));
    }

    @Test
    void aMissingOrUnreadableManifestIsRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DramaPackage.read(dir, json)).isInstanceOf(InvalidPackageException.class)
                .hasMessageContaining("1 problem");
        Files.writeString(dir.resolve("drama.json"), "{ not json");
        assertThatThrownBy(() -> DramaPackage.read(dir, json)).isInstanceOfSatisfying(InvalidPackageException.class,
                e -> assertThat(e.problems().get(0).toString()).startsWith("drama.json: is not valid JSON"));
    }
}
