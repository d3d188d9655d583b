package io.microdrama.localization.api;

import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.localization.application.TrackService;
import io.microdrama.localization.domain.Track;
import io.microdrama.subtitles.SrtWriter;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.subtitles.SubtitleOutput;
import io.microdrama.subtitles.WebVttWriter;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The HTTP side of subtitle files: file suffixes, media types, content negotiation, ETags. */
final class SubtitleHttp {

    static final String VTT = "text/vtt";
    static final String SRT = "application/x-subrip";
    /** Other names SRT travels under; only application/x-subrip is written. */
    static final List<String> SRT_ALIASES = List.of(SRT, "text/srt", "application/srt", "text/x-srt");
    /** Media types that say nothing about the format: it is detected from the body. */
    static final List<String> UNDECLARED = List.of("text/plain", "application/octet-stream");

    /** What a request asks for: a subtitle file in one format, or the track's JSON view (with QC report). */
    enum Representation { WEBVTT, SRT, JSON }

    /** A path segment such as {@code ja}, {@code ja.vtt} or {@code ja.srt}, split into language and suffix. */
    record LanguageSegment(String language, Representation suffix) {
        static LanguageSegment parse(String segment) {
            String lower = segment.toLowerCase(Locale.ROOT);
            for (Representation representation : Representation.values()) {
                String suffix = "." + representation.name().toLowerCase(Locale.ROOT).replace("webvtt", "vtt");
                if (lower.endsWith(suffix)) {
                    return new LanguageSegment(requireLanguage(segment.substring(0, segment.length() - suffix.length())),
                            representation);
                }
            }
            return new LanguageSegment(requireLanguage(segment), null);
        }
    }

    private SubtitleHttp() {
    }

    /** A canonical language tag from a path, or a 400 naming the problem. */
    static String requireLanguage(String language) {
        return LanguageTags.parse(language).orElseThrow(() -> new ProblemException(400, "Bad Request",
                "The language must be a BCP 47 tag such as de, pt-BR, es-419 or zh-Hant", List.of(new FieldError("language",
                        "'" + language + "' is not a BCP 47 language tag"))));
    }

    static void requireEpisodeNumber(int number) {
        if (number < 1) {
            throw new ProblemException(400, "Bad Request", "Episode numbers start at 1",
                    List.of(new FieldError("number", "must be 1 or more")));
        }
    }

    /**
     * The format an upload declares, from the file suffix or the Content-Type; null when it must be detected.
     * A charset other than UTF-8, or a media type that is not a subtitle format, is refused (415).
     */
    static SubtitleFormat declaredFormat(LanguageSegment segment, MediaType contentType) {
        if (segment.suffix() == Representation.JSON) {
            throw unsupported("Upload a .vtt or .srt file, not JSON");
        }
        SubtitleFormat byType = null;
        if (contentType != null) {
            String charset = contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                throw unsupported("Subtitles must be UTF-8; the request declares charset=" + charset);
            }
            String type = (contentType.getType() + "/" + contentType.getSubtype()).toLowerCase(Locale.ROOT);
            if (type.equals(VTT)) {
                byType = SubtitleFormat.WEBVTT;
            } else if (SRT_ALIASES.contains(type)) {
                byType = SubtitleFormat.SRT;
            } else if (!UNDECLARED.contains(type) && !contentType.isWildcardType()) {
                throw unsupported("Content-Type " + type + " is not a subtitle format; use " + VTT + " or " + SRT
                        + " (or text/plain to have the format detected)");
            }
        }
        SubtitleFormat bySuffix = segment.suffix() == null ? null
                : segment.suffix() == Representation.WEBVTT ? SubtitleFormat.WEBVTT : SubtitleFormat.SRT;
        if (byType != null && bySuffix != null && byType != bySuffix) {
            throw unsupported("The file suffix says " + bySuffix + " but the Content-Type says " + byType);
        }
        return bySuffix != null ? bySuffix : byType;
    }

    /** The representation a GET wants: the suffix wins, then the Accept header (q-ordered); WebVTT by default. */
    static Representation wanted(LanguageSegment segment, List<MediaType> acceptable) {
        if (segment.suffix() != null) {
            return segment.suffix();
        }
        if (acceptable == null || acceptable.isEmpty()) {
            return Representation.WEBVTT;
        }
        for (MediaType accepted : acceptable) {
            Optional<Representation> match = Arrays.stream(Representation.values())
                    .filter(representation -> mediaTypes(representation).stream().anyMatch(accepted::isCompatible))
                    .findFirst();
            if (match.isPresent()) {
                return match.get();
            }
        }
        throw new ProblemException(406, "Not Acceptable", "A track is available as " + VTT + ", " + SRT + " or "
                + MediaType.APPLICATION_JSON + " (or ask with a .vtt, .srt or .json suffix)");
    }

    private static List<MediaType> mediaTypes(Representation representation) {
        return switch (representation) {
            case WEBVTT -> List.of(MediaType.valueOf(VTT));
            case SRT -> SRT_ALIASES.stream().map(MediaType::valueOf).toList();
            case JSON -> List.of(MediaType.APPLICATION_JSON_TYPE);
        };
    }

    /**
     * The track written in the wanted format, with a strong ETag over the bytes sent; 304 without a body when the
     * client's If-None-Match already names them.
     */
    static Response file(Track track, SubtitleFormat format, String ifNoneMatch, String cacheControl, String fileName) {
        SubtitleOutput output = format == SubtitleFormat.WEBVTT ? new WebVttWriter().write(track.document())
                : new SrtWriter().write(track.document());
        byte[] bytes = output.utf8();
        EntityTag etag = new EntityTag(TrackService.sha256(bytes).substring(0, 32));
        String type = (format == SubtitleFormat.WEBVTT ? VTT : SRT) + ";charset=utf-8";
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified(etag).header("Cache-Control", cacheControl).build();
        }
        return Response.ok(bytes, type)
                .tag(etag)
                .header("Cache-Control", cacheControl)
                .header("Content-Disposition", "inline; filename=\"" + fileName
                        + (format == SubtitleFormat.WEBVTT ? ".vtt" : ".srt") + "\"")
                .build();
    }

    static String fileName(Track track) {
        return track.dramaId() + "-e" + track.episode() + "." + track.language();
    }

    private static boolean matches(String ifNoneMatch, EntityTag etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals("\"" + etag.getValue() + "\""));
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "Unsupported Media Type", detail, List.of(new FieldError("Content-Type", detail)));
    }
}
