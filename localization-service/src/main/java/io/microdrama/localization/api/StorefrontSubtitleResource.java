package io.microdrama.localization.api;

import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.localization.config.SubtitleConfig;
import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.localization.application.TrackService;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * What players fetch for the {@code <track>} element: public, cacheable WebVTT. Only an accepted track of an open
 * plan in that country, in a language the country's plan lists; everything else is 404.
 */
@Path("/api/v1/storefront/{region}/dramas/{dramaId}/episodes/{number}/subtitles")
@PermitAll
public class StorefrontSubtitleResource {

    private static final String SUFFIX = ".vtt";

    private final TrackService tracks;
    private final SubtitleConfig config;

    public StorefrontSubtitleResource(TrackService tracks, SubtitleConfig config) {
        this.tracks = tracks;
        this.config = config;
    }

    @GET
    @Path("/{file}")
    public Uni<Response> webVtt(@PathParam("region") String region, @PathParam("dramaId") UUID dramaId,
            @PathParam("number") int number, @PathParam("file") String file,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String language = file.endsWith(SUFFIX) ? LanguageTags.parse(file.substring(0, file.length() - SUFFIX.length()))
                .orElse(null) : null;
        if (language == null || !RegionGroups.isCountry(region) || number < 1) {
            throw ProblemException.notFound("Subtitle file '" + file + "' of episode " + number + " in storefront " + region);
        }
        String cacheControl = "public, max-age=" + config.storefrontMaxAge().toSeconds();
        return tracks.findForStorefront(region, dramaId, number, language)
                .map(track -> SubtitleHttp.file(track, SubtitleFormat.WEBVTT, ifNoneMatch, cacheControl,
                        SubtitleHttp.fileName(track)));
    }
}
