package io.microdrama.localization.application;

import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.localization.domain.SubtitleTasks;
import io.microdrama.localization.persistence.TrackRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.List;

/** Open subtitle work, within what the caller may see. */
@ApplicationScoped
public class TaskService {

    private final Mutiny.SessionFactory sessions;
    private final TrackRepository tracks;

    public TaskService(Mutiny.SessionFactory sessions, TrackRepository tracks) {
        this.sessions = sessions;
        this.tracks = tracks;
    }

    /**
     * Who asks: an admin sees everything; a localizer the required languages its grants cover ({@code es} covers
     * {@code es-419}); ops the regions of its token.
     */
    public record Requester(boolean everything, boolean localizer, Collection<String> grantedLanguages,
            Collection<String> regions) {
    }

    /**
     * @param language filter, exact canonical tag, or null
     * @param region   filter, a country, or null
     */
    public Uni<SubtitleTasks.Page> tasks(Requester requester, String language, String region, int offset, int limit) {
        boolean byLanguage = requester.localizer() && !requester.everything();
        return sessions.withSession(session -> (byLanguage ? tracks.openRequiredLanguages(session)
                        : Uni.createFrom().item(List.<String>of()))
                .map(open -> new SubtitleTasks.Scope(requester.everything(), open.stream()
                        .filter(required -> LanguageTags.covers(requester.grantedLanguages(), required)).toList(),
                        requester.regions()))
                .flatMap(scope -> tracks.tasks(session, scope, language, region, offset, limit)));
    }
}
