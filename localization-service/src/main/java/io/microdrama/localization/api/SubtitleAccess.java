package io.microdrama.localization.api;

import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.localization.application.ApprovalService;
import io.microdrama.localization.application.TrackService;
import io.microdrama.localization.domain.DramaSummary;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.function.Predicate;

/**
 * Who may touch which subtitle track, from the token: admins everything; a studio its own dramas (any other drama
 * does not exist for it: 404, never 403); a localizer the languages of its {@code languages} claim (a tag or a
 * more specific one: {@code es} covers {@code es-419}) on any drama; ops read the dramas planned in their regions.
 */
@RequestScoped
public class SubtitleAccess {

    private final Caller caller;

    public SubtitleAccess(Caller caller) {
        this.caller = caller;
    }

    /** Upload: admin, the owning studio, or a localizer for the language. Returns the role the caller acts in. */
    public TrackService.Access upload(String language) {
        return (drama, plannedRegions) -> {
            if (caller.isAdmin()) {
                return Caller.ADMIN;
            }
            if (caller.mayReadStudio(drama.studioId())) {
                return Caller.STUDIO;
            }
            if (caller.hasRole(Caller.LOCALIZER)) {
                requireLanguage(language);
                return Caller.LOCALIZER;
            }
            throw notFound(drama);
        };
    }

    /** Read one track: as upload, plus ops whose regions include a region the drama is (or was) planned in. */
    public TrackService.Access read(String language) {
        return (drama, plannedRegions) -> {
            if (caller.isAdmin() || caller.mayReadStudio(drama.studioId()) || coversAPlannedRegion(plannedRegions)) {
                return "reader";
            }
            if (caller.hasRole(Caller.LOCALIZER)) {
                requireLanguage(language);
                return Caller.LOCALIZER;
            }
            throw notFound(drama);
        };
    }

    /**
     * Approve or reject tracks in a language: an admin, or ops whose regions cover a country where the drama is planned
     * and whose policy wants the language approved. Ops covering none of the drama's countries get 404 (as for
     * reads); ops covering some where the language needs no approval get 403. Localizers and studios never (the
     * resource admits only ops and admins). Four-eyes is the use case's rule.
     */
    public ApprovalService.Access approve(String language) {
        return (drama, approvalLanguagesByRegion) -> {
            if (caller.isAdmin()) {
                return Caller.ADMIN;
            }
            if (!caller.hasRole(Caller.OPS)) {
                throw ProblemException.forbidden("Only ops of a region that requires approval, or an admin, may approve"
                        + " or reject subtitles");
            }
            List<String> covered = approvalLanguagesByRegion.keySet().stream().filter(caller::coversRegion).sorted().toList();
            if (covered.isEmpty()) {
                throw notFound(drama);
            }
            if (covered.stream().noneMatch(region -> approvalLanguagesByRegion.get(region).contains(language))) {
                throw ProblemException.forbidden("None of your regions where drama " + drama.id() + " is planned " + covered
                        + " requires approval of " + language + " subtitles");
            }
            return Caller.OPS;
        };
    }

    /** Which tracks of a drama the caller may list; throws 404 when none could ever be visible. */
    public Predicate<String> listableLanguages(DramaSummary drama, List<String> plannedRegions) {
        if (caller.isAdmin() || caller.mayReadStudio(drama.studioId()) || coversAPlannedRegion(plannedRegions)) {
            return language -> true;
        }
        if (caller.hasRole(Caller.LOCALIZER)) {
            return language -> LanguageTags.covers(caller.languages(), language);
        }
        throw notFound(drama);
    }

    private boolean coversAPlannedRegion(List<String> plannedRegions) {
        return caller.hasRole(Caller.OPS) && plannedRegions.stream().anyMatch(caller::coversRegion);
    }

    private void requireLanguage(String language) {
        if (!LanguageTags.covers(caller.languages(), language)) {
            throw ProblemException.forbidden("Your token's languages " + caller.languages().stream().sorted().toList()
                    + " do not include " + language);
        }
    }

    private static ProblemException notFound(DramaSummary drama) {
        return ProblemException.notFound("Drama " + drama.id());
    }
}
