package io.microdrama.localization.application;

import io.microdrama.localization.domain.DramaSummary;
import io.microdrama.localization.domain.EpisodeSpan;
import io.microdrama.localization.domain.Readiness.AcceptedTrack;
import io.microdrama.localization.domain.Refusal;
import io.microdrama.localization.domain.Refusal.Field;
import io.microdrama.localization.domain.Refusal.Kind;
import io.microdrama.localization.domain.Track;
import io.microdrama.localization.domain.TrackSummary;
import io.microdrama.localization.persistence.DramaRepository;
import io.microdrama.localization.persistence.LocalizedDrama;
import io.microdrama.localization.persistence.RegionPlan;
import io.microdrama.localization.persistence.SubtitleTrack;
import io.microdrama.localization.persistence.SubtitleTrack.Uploader;
import io.microdrama.localization.persistence.TrackRepository;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleDecoder;
import io.microdrama.subtitles.SubtitleDocument;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.subtitles.SubtitleIngest;
import io.microdrama.subtitles.SubtitleRejectedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Uploading and reading subtitle tracks. An upload is decoded, parsed and QC-checked on a worker thread, outside any
 * transaction (QC after a short read of the episode's length); then, in one transaction holding the drama's row lock, the caller's access is checked, the track stored (or
 * left alone when the body is byte-identical to the stored one) and readiness recomputed, with events appended to
 * the outbox.
 * Anything refused throws (a {@link Refusal}, or the access check's own exception) before a write, so a refused
 * upload stores nothing.
 */
@ApplicationScoped
public class TrackService {

    private final Mutiny.SessionFactory sessions;
    private final DramaRepository dramas;
    private final TrackRepository tracks;
    private final Planner planner;
    private final SubtitleDecoder decoder;
    private final SubtitleIngest ingest;
    private final TrackQualityControl qualityControl;
    private final Clock clock;

    public TrackService(Mutiny.SessionFactory sessions, DramaRepository dramas, TrackRepository tracks, Planner planner,
            SubtitleDecoder decoder, SubtitleIngest ingest, TrackQualityControl qualityControl, Clock clock) {
        this.sessions = sessions;
        this.dramas = dramas;
        this.tracks = tracks;
        this.planner = planner;
        this.decoder = decoder;
        this.ingest = ingest;
        this.qualityControl = qualityControl;
        this.clock = clock;
    }

    /** How the caller names the drama: catalog's id, or the studio's own external id (studio taken from the token). */
    public record DramaRef(UUID dramaId, String studioId, String externalId) {
        public static DramaRef byId(UUID dramaId) {
            return new DramaRef(dramaId, null, null);
        }

        public static DramaRef byExternalId(String studioId, String externalId) {
            return new DramaRef(null, studioId, externalId);
        }

        String describe() {
            return dramaId != null ? "Drama " + dramaId : "Drama '" + externalId + "'";
        }
    }

    /** Decides whether the caller may act on the drama; throws if not (the api answers 404 or 403). */
    @FunctionalInterface
    public interface Access {
        /**
         * @param plannedRegions regions the drama is (or was) planned in
         * @return the role the caller acts in (recorded as the uploader's role)
         */
        String check(DramaSummary drama, List<String> plannedRegions);
    }

    public record Upload(int episode, String language, byte[] body, SubtitleFormat declaredFormat, String uploader) {
    }

    public record UploadResult(DramaSummary drama, Track track, boolean created, boolean changed) {
    }

    public record Found(DramaSummary drama, Track track) {
    }

    public record Listing(DramaSummary drama, List<TrackSummary> tracks) {
    }

    public Uni<UploadResult> upload(DramaRef ref, Upload upload, Access access) {
        // Decoding, parsing and QC are CPU work proportional to the file (up to ~1 MiB): they run on a worker thread,
        // outside any transaction, and only the short database work runs on the request's event-loop context. QC needs
        // the episode's length, so it is read first (with the caller's access checked, so a refused caller costs no
        // QC); the transaction then re-checks everything under its locks.
        return OffTheEventLoop.run(() -> new Parsed(parse(upload.body(), upload.declaredFormat()), sha256(upload.body())))
                .flatMap(parsed -> episodeToCheck(ref, upload, access)
                        .flatMap(episode -> episode == null ? Uni.createFrom().<Checked>nullItem()
                                : OffTheEventLoop.run(() -> new Checked(episode,
                                        qualityControl.check(parsed.document(), upload.language(), episode))))
                        .flatMap(checked -> store(ref, upload, access, parsed.document(), parsed.sha256(), checked)));
    }

    private record Parsed(SubtitleDocument document, String sha256) {
    }

    /** A QC report and the episode span it was computed for. */
    private record Checked(EpisodeSpan episode, QcReport report) {
    }

    /** The episode QC must be run against, or null when the transaction will refuse anyway (or nothing changes). */
    private Uni<EpisodeSpan> episodeToCheck(DramaRef ref, Upload upload, Access access) {
        return sessions.withSession(session -> lookup(session, ref, false).flatMap(drama -> dramas.plansOf(session, drama.id)
                .map(plans -> {
                    access.check(drama.summary(), regions(plans));
                    return drama.withdrawn ? null : drama.episode(upload.episode()).orElse(null);
                })));
    }

    private Uni<UploadResult> store(DramaRef ref, Upload upload, Access access, SubtitleDocument parsed, String sha256,
            Checked checked) {
        Instant now = clock.instant();
        return sessions.withTransaction(session -> lookup(session, ref, true).flatMap(drama -> dramas.plansOf(session, drama.id)
                .flatMap(plans -> {
                    String role = access.check(drama.summary(), regions(plans));
                    if (drama.withdrawn) {
                        throw Refusal.conflict("Drama " + drama.id + " is withdrawn; it takes no more subtitles");
                    }
                    EpisodeSpan episode = drama.episode(upload.episode()).orElseThrow(() -> Refusal.notFound(
                            "Episode " + upload.episode() + " of drama " + drama.id));
                    SubtitleTrack.Key key = new SubtitleTrack.Key(drama.id, episode.number(), upload.language());
                    return tracks.find(session, key).flatMap(existing -> {
                        if (existing != null && existing.sameBody(sha256)) {
                            return Uni.createFrom().item(new UploadResult(drama.summary(), existing.snapshot(), false, false));
                        }
                        // The episode changed between the read and this transaction (a new drama version): QC again,
                        // still off the event loop.
                        Uni<QcReport> report = checked != null && checked.episode().equals(episode)
                                ? Uni.createFrom().item(checked.report())
                                : OffTheEventLoop.run(() -> qualityControl.check(parsed, upload.language(), episode));
                        return report.flatMap(qc -> {
                            SubtitleTrack track = existing != null ? existing : SubtitleTrack.first(key, now);
                            track.replace(parsed, qc, new Uploader(upload.uploader(), role), sha256, upload.body().length, now);
                            Uni<Void> stored = existing == null ? session.persist(track) : Uni.createFrom().voidItem();
                            return stored.chain(() -> planner.afterTrackChange(session, drama, accepted -> withTrack(accepted, track)))
                                    .replaceWith(() -> new UploadResult(drama.summary(), track.snapshot(), existing == null, true));
                        });
                    });
                })));
    }

    public Uni<Found> find(DramaRef ref, int episode, String language, Access access) {
        return sessions.withSession(session -> lookup(session, ref, false).flatMap(drama -> dramas.plansOf(session, drama.id)
                .flatMap(plans -> {
                    access.check(drama.summary(), regions(plans));
                    return tracks.find(session, new SubtitleTrack.Key(drama.id, episode, language));
                })
                .map(track -> {
                    if (track == null) {
                        throw Refusal.notFound("A " + language + " subtitle track for episode " + episode
                                + " of drama " + drama.id);
                    }
                    return new Found(drama.summary(), track.snapshot());
                })));
    }

    public Uni<Listing> list(DramaRef ref, Access access) {
        return sessions.withSession(session -> lookup(session, ref, false).flatMap(drama -> dramas.plansOf(session, drama.id)
                .invoke(plans -> access.check(drama.summary(), regions(plans)))
                .chain(() -> tracks.summaries(session, drama.id))
                .map(summaries -> new Listing(drama.summary(), summaries))));
    }

    /**
     * What a player may fetch without a token: an ACCEPTED track of an episode of the current version, in a language
     * the open plan of that country lists. Anything else does not exist for the storefront.
     */
    public Uni<Track> findForStorefront(String country, UUID dramaId, int episode, String language) {
        String what = "A " + language + " subtitle track for episode " + episode + " of drama " + dramaId + " in " + country;
        return sessions.withSession(session -> dramas.plan(session, dramaId, country)
                .flatMap(plan -> {
                    if (plan == null || plan.closed || !plan.requiredLanguages.contains(language)) {
                        throw Refusal.notFound(what);
                    }
                    return dramas.find(session, dramaId);
                })
                .flatMap(drama -> {
                    if (drama == null || drama.withdrawn || drama.episode(episode).isEmpty()) {
                        throw Refusal.notFound(what);
                    }
                    return tracks.find(session, new SubtitleTrack.Key(dramaId, episode, language));
                })
                .map(track -> {
                    if (track == null || track.status != QcVerdict.ACCEPTED) {
                        throw Refusal.notFound(what);
                    }
                    return track.snapshot();
                }));
    }

    private Uni<LocalizedDrama> lookup(Mutiny.Session session, DramaRef ref, boolean forUpdate) {
        Uni<LocalizedDrama> found;
        if (ref.dramaId() != null) {
            found = forUpdate ? dramas.findForUpdate(session, ref.dramaId()) : dramas.find(session, ref.dramaId());
        } else {
            found = dramas.findByExternalId(session, ref.studioId(), ref.externalId(), forUpdate);
        }
        return found.map(drama -> {
            if (drama == null) {
                throw Refusal.notFound(ref.describe());
            }
            return drama;
        });
    }

    private static List<String> regions(List<RegionPlan> plans) {
        return plans.stream().map(plan -> plan.key.region()).toList();
    }

    /** The stored accepted set as it is after this session's change (not flushed yet, so the query missed it). */
    private static Set<AcceptedTrack> withTrack(Set<AcceptedTrack> stored, SubtitleTrack track) {
        Set<AcceptedTrack> accepted = new HashSet<>(stored);
        AcceptedTrack changed = new AcceptedTrack(track.key.episode(), track.key.language());
        if (track.status == QcVerdict.ACCEPTED) {
            accepted.add(changed);
        } else {
            accepted.remove(changed);
        }
        return accepted;
    }

    /** Decode and parse, or refuse: too large, or not UTF-8 WebVTT or SRT (or not the declared one of them). */
    SubtitleDocument parse(byte[] body, SubtitleFormat declared) {
        try {
            String text = decoder.decode(body);
            SubtitleFormat detected = SubtitleIngest.detect(text);
            if (declared != null && declared != detected) {
                throw new Refusal(Kind.UNSUPPORTED_CONTENT, "The body was declared " + declared
                        + " but it is " + detected + (detected == SubtitleFormat.WEBVTT ? " (it starts with WEBVTT)"
                        : " (it does not start with WEBVTT)") + "; send it with the right Content-Type or file suffix",
                        List.of(new Field("body", "FORMAT_MISMATCH")));
            }
            return ingest.parseText(text);
        } catch (SubtitleRejectedException rejected) {
            throw refused(rejected);
        }
    }

    static Refusal refused(SubtitleRejectedException rejected) {
        List<Field> reason = List.of(new Field("body", rejected.reason().name()));
        Kind kind = switch (rejected.reason()) {
            case EMPTY -> Kind.MALFORMED;
            case TOO_LARGE -> Kind.TOO_LARGE;
            case UNSUPPORTED_ENCODING, INVALID_UTF8, BINARY, NOT_WEBVTT, UNRECOGNIZED_FORMAT -> Kind.UNSUPPORTED_CONTENT;
        };
        return new Refusal(kind, rejected.getMessage(), reason);
    }

    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
