package io.microdrama.localization.application;

import io.microdrama.localization.domain.DramaSummary;
import io.microdrama.localization.domain.EpisodeSpan;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Every file of one drama in one language, in one request: episode, declared format (or null), body. */
    public record BulkUpload(String language, List<BulkFile> files, String uploader) {
    }

    public record BulkFile(int episode, SubtitleFormat declaredFormat, byte[] body) {
    }

    /** What became of one file of a bulk upload. */
    public enum Outcome {
        /** QC passed: a new track or a new revision. */
        STORED,
        /** Byte-identical to the stored revision: nothing written, no event. */
        UNCHANGED,
        /** Stored as QC_FAILED (revision counted) so its findings can be read; it does not count for readiness. */
        QC_FAILED,
        /** Not stored: unreadable, too large, unknown episode... ({@code refusal} says why). */
        REFUSED
    }

    /** {@code track} is null only when refused; {@code refusal} only then. */
    public record FileResult(int episode, Outcome outcome, Track track, boolean created, Refusal refusal) {
    }

    public record BulkResult(DramaSummary drama, String language, List<FileResult> files) {
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
                .flatMap(parsed -> episodesToCheck(ref, access)
                        .flatMap(episodes -> {
                            EpisodeSpan episode = episodes.get(upload.episode());
                            return episode == null ? Uni.createFrom().<Checked>nullItem()
                                    : OffTheEventLoop.run(() -> new Checked(episode,
                                            qualityControl.check(parsed.document(), upload.language(), episode)));
                        })
                        .flatMap(checked -> sessions.withTransaction(session -> lockForUpload(session, ref, access)
                                .flatMap(locked -> {
                                    EpisodeSpan episode = locked.drama().episode(upload.episode()).orElseThrow(() -> Refusal.notFound(
                                            "Episode " + upload.episode() + " of drama " + locked.drama().id));
                                    Prepared file = new Prepared(episode, upload.language(), upload.body().length, parsed, checked);
                                    return storeAll(session, locked, upload.uploader(), List.of(file)).map(stored -> {
                                        FileResult result = stored.get(0);
                                        return new UploadResult(locked.drama().summary(), result.track(), result.created(),
                                                result.outcome() != Outcome.UNCHANGED);
                                    });
                                }))));
    }

    /**
     * All files of one drama and language: the same access rules, QC and storing as {@link #upload}, file by file,
     * with one answer per file. Refused as a whole (nothing stored) only for what concerns the whole request: the
     * drama unknown or not the caller's, withdrawn, an episode named twice. A file that cannot be read, or names an
     * unknown episode, is refused on its own. Parsing and QC of every file run on one worker thread; then one
     * transaction stores every file and recomputes readiness once, so the drama's row lock is held once and the
     * events are those of the final state (the same as after the last of the single uploads).
     */
    public Uni<BulkResult> bulkUpload(DramaRef ref, BulkUpload bulk, Access access) {
        requireDistinctEpisodes(bulk.files());
        return episodesToCheck(ref, access)
                .flatMap(episodes -> OffTheEventLoop.run(() -> bulk.files().stream()
                        .map(file -> prepare(file, bulk.language(), episodes.get(file.episode()))).toList()))
                .flatMap(prepared -> sessions.withTransaction(session -> lockForUpload(session, ref, access)
                        .flatMap(locked -> {
                            Map<Integer, EpisodeSpan> episodes = locked.drama().episodesByNumber();
                            List<Prepared> storable = new ArrayList<>();
                            List<FileResult> refused = new ArrayList<>();
                            for (int i = 0; i < prepared.size(); i++) {
                                BulkFile file = bulk.files().get(i);
                                PreparedOrRefused candidate = prepared.get(i);
                                Optional<EpisodeSpan> episode = Optional.ofNullable(episodes.get(file.episode()));
                                if (candidate.refusal() != null) {
                                    refused.add(refusedFile(file.episode(), candidate.refusal()));
                                } else if (episode.isEmpty()) {
                                    refused.add(refusedFile(file.episode(), Refusal.notFound("Episode " + file.episode()
                                            + " of drama " + locked.drama().id)));
                                } else {
                                    storable.add(new Prepared(episode.get(), bulk.language(), file.body().length,
                                            candidate.parsed(), candidate.checked()));
                                }
                            }
                            return storeAll(session, locked, bulk.uploader(), storable)
                                    .map(stored -> new BulkResult(locked.drama().summary(), bulk.language(),
                                            inRequestOrder(bulk.files(), stored, refused)));
                        })));
    }

    private record Parsed(SubtitleDocument document, String sha256) {
    }

    /** A QC report and the episode span it was computed for. */
    private record Checked(EpisodeSpan episode, QcReport report) {
    }

    /** A file ready to store: parsed and hashed, with its QC (null when the episode was not known before the lock). */
    private record Prepared(EpisodeSpan episode, String language, int bytes, Parsed parsed, Checked checked) {
    }

    private record PreparedOrRefused(Parsed parsed, Checked checked, Refusal refusal) {
    }

    /** The drama under its row lock, the caller's access checked again and the role it acts in. */
    private record Locked(LocalizedDrama drama, String role) {
    }

    /** Off the event loop: decode, parse, hash and (when the episode is known) QC one file, or say why it is refused. */
    private PreparedOrRefused prepare(BulkFile file, String language, EpisodeSpan episode) {
        try {
            Parsed parsed = new Parsed(parse(file.body(), file.declaredFormat()), sha256(file.body()));
            Checked checked = episode == null ? null
                    : new Checked(episode, qualityControl.check(parsed.document(), language, episode));
            return new PreparedOrRefused(parsed, checked, null);
        } catch (Refusal refusal) {
            return new PreparedOrRefused(null, null, refusal);
        }
    }

    private static void requireDistinctEpisodes(List<BulkFile> files) {
        Set<Integer> seen = new HashSet<>();
        List<Field> twice = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!seen.add(files.get(i).episode())) {
                twice.add(new Field("files[" + i + "].episode", "episode " + files.get(i).episode()
                        + " appears more than once in this request"));
            }
        }
        if (!twice.isEmpty()) {
            throw Refusal.invalid(twice);
        }
    }

    private static FileResult refusedFile(int episode, Refusal refusal) {
        return new FileResult(episode, Outcome.REFUSED, null, false, refusal);
    }

    private static List<FileResult> inRequestOrder(List<BulkFile> files, List<FileResult> stored, List<FileResult> refused) {
        Map<Integer, FileResult> byEpisode = new HashMap<>();
        stored.forEach(result -> byEpisode.put(result.episode(), result));
        refused.forEach(result -> byEpisode.put(result.episode(), result));
        return files.stream().map(file -> byEpisode.get(file.episode())).toList();
    }

    /** The episodes QC must be run against (by number), with the caller's access checked; empty when withdrawn. */
    private Uni<Map<Integer, EpisodeSpan>> episodesToCheck(DramaRef ref, Access access) {
        return sessions.withSession(session -> lookup(session, ref, false).flatMap(drama -> dramas.plansOf(session, drama.id)
                .map(plans -> {
                    access.check(drama.summary(), regions(plans));
                    return drama.withdrawn ? Map.<Integer, EpisodeSpan>of() : drama.episodesByNumber();
                })));
    }

    /** Inside the upload's transaction: the drama locked, the caller's access checked, a withdrawn drama refused. */
    private Uni<Locked> lockForUpload(Mutiny.Session session, DramaRef ref, Access access) {
        return lookup(session, ref, true).flatMap(drama -> dramas.plansOf(session, drama.id).map(plans -> {
            String role = access.check(drama.summary(), regions(plans));
            if (drama.withdrawn) {
                throw Refusal.conflict("Drama " + drama.id + " is withdrawn; it takes no more subtitles");
            }
            return new Locked(drama, role);
        }));
    }

    /**
     * The one place a track is written, for the single and the bulk upload: each file is stored (or left alone when
     * byte-identical to the stored revision), then readiness is recomputed once for all of them, appending its events
     * to the outbox in this transaction. The caller holds the drama's row lock. Stored tracks of the files' language
     * are read in one query; QC is redone (off the event loop, all files at once) only for files whose episode
     * changed since it was computed.
     */
    private Uni<List<FileResult>> storeAll(Mutiny.Session session, Locked locked, String uploader, List<Prepared> files) {
        if (files.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        LocalizedDrama drama = locked.drama();
        String language = files.get(0).language();
        Instant now = clock.instant();
        List<Integer> episodes = files.stream().map(file -> file.episode().number()).toList();
        return tracks.ofLanguage(session, drama.id, language, episodes).flatMap(stored -> {
            Map<Integer, SubtitleTrack> existing = new HashMap<>();
            stored.forEach(track -> existing.put(track.key.episode(), track));
            List<Prepared> toStore = files.stream()
                    .filter(file -> !sameAsStored(existing.get(file.episode().number()), file)).toList();
            return OffTheEventLoop.run(() -> toStore.stream().map(file -> file.checked() != null
                            && file.checked().episode().equals(file.episode()) ? file.checked().report()
                            : qualityControl.check(file.parsed().document(), language, file.episode())).toList())
                    .flatMap(reports -> {
                        List<SubtitleTrack> changed = new ArrayList<>();
                        List<SubtitleTrack> created = new ArrayList<>();
                        for (int i = 0; i < toStore.size(); i++) {
                            Prepared file = toStore.get(i);
                            SubtitleTrack.Key key = new SubtitleTrack.Key(drama.id, file.episode().number(), language);
                            SubtitleTrack track = existing.get(key.episode());
                            if (track == null) {
                                track = SubtitleTrack.first(key, now);
                                created.add(track);
                            }
                            track.replace(file.parsed().document(), reports.get(i), new Uploader(uploader, locked.role()),
                                    file.parsed().sha256(), file.bytes(), now);
                            changed.add(track);
                        }
                        Uni<Void> persisted = created.isEmpty() ? Uni.createFrom().voidItem()
                                : session.persistAll(created.toArray());
                        Uni<Integer> events = changed.isEmpty() ? Uni.createFrom().item(0)
                                : persisted.chain(() -> planner.afterTrackChange(session, drama));
                        return events.map(ignored -> results(files, existing, changed, created));
                    });
        });
    }

    /** One result per file, in the files' order: unchanged, or stored with the verdict of its QC. */
    private static List<FileResult> results(List<Prepared> files, Map<Integer, SubtitleTrack> existing,
            List<SubtitleTrack> changed, List<SubtitleTrack> created) {
        Map<Integer, SubtitleTrack> changedByEpisode = new HashMap<>();
        changed.forEach(track -> changedByEpisode.put(track.key.episode(), track));
        Set<Integer> createdEpisodes = new HashSet<>();
        created.forEach(track -> createdEpisodes.add(track.key.episode()));
        return files.stream().map(file -> {
            int number = file.episode().number();
            SubtitleTrack track = changedByEpisode.get(number);
            if (track == null) {
                return new FileResult(number, Outcome.UNCHANGED, existing.get(number).snapshot(), false, null);
            }
            Outcome outcome = track.status == QcVerdict.QC_FAILED ? Outcome.QC_FAILED : Outcome.STORED;
            return new FileResult(number, outcome, track.snapshot(), createdEpisodes.contains(number), null);
        }).toList();
    }

    private static boolean sameAsStored(SubtitleTrack existing, Prepared file) {
        return existing != null && existing.sameBody(file.parsed().sha256());
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
     * the open plan of that country lists, approved for its current revision where that country wants approval.
     * Anything else does not exist for the storefront.
     */
    public Uni<Track> findForStorefront(String country, UUID dramaId, int episode, String language) {
        String what = "A " + language + " subtitle track for episode " + episode + " of drama " + dramaId + " in " + country;
        return sessions.withSession(session -> dramas.plan(session, dramaId, country)
                .flatMap(plan -> {
                    if (plan == null || plan.closed || !plan.requiredLanguages.contains(language)) {
                        throw Refusal.notFound(what);
                    }
                    return dramas.find(session, dramaId).flatMap(drama -> {
                        if (drama == null || drama.withdrawn || drama.episode(episode).isEmpty()) {
                            throw Refusal.notFound(what);
                        }
                        return tracks.find(session, new SubtitleTrack.Key(dramaId, episode, language));
                    }).map(track -> {
                        if (track == null || track.status != QcVerdict.ACCEPTED || (plan.approvalLanguages.contains(language)
                                && (track.approval() == null || !track.approval().approves(track.revision)))) {
                            throw Refusal.notFound(what);
                        }
                        return track.snapshot();
                    });
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
