package io.microdrama.catalog.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.StorefrontListing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The storefront read path, the hottest of the platform: plain SQL on the reactive pool (no session, no entity
 * hydration), one ordered walk of the partial index {@code regional_rollout_storefront} per page. The WHERE clause is
 * {@link RolloutStateSql#live}: the index's predicate (so the planner can use it) plus the licence window at {@code now}.
 */
@ApplicationScoped
public class StorefrontQueries {

    /** The storefront's WHERE clause: LIVE in region $1 at instant $2. */
    public static final String LIVE = "r.region = $1 and " + RolloutStateSql.live("$2");
    private static final String COLUMNS = """
            d.id, coalesce(d.localizations::jsonb -> $3 ->> 'title', d.localizations::jsonb -> $4 ->> 'title', d.title) as title,
            coalesce(d.localizations::jsonb -> $3 ->> 'synopsis', d.localizations::jsonb -> $4 ->> 'synopsis', d.synopsis) as synopsis,
            d.genres, d.original_language, d.episode_count, d.cover_image_uri, r.free_episodes, r.coins_per_episode,
            r.currency, r.price_minor, r.minor_units, r.subtitle_languages, r.age_rating, r.listed_at""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Episode>> EPISODES = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    public StorefrontQueries(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * A page of LIVE dramas, newest first. {@code genre} and {@code language} (subtitle or audio) filter when not
     * null; {@code displayLanguage} picks localized titles, falling back to its primary subtag, then the original.
     */
    public Uni<List<StorefrontListing>> live(String region, Instant now, String genre, String language, String displayLanguage,
            int offset, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
                .append(" from regional_rollout r join drama d on d.id = r.drama_id where ").append(LIVE);
        List<Object> params = new ArrayList<>(List.of(region, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                nullToEmpty(displayLanguage), primarySubtag(displayLanguage)));
        if (genre != null) {
            params.add(genre);
            sql.append(" and d.genres::jsonb ? $").append(params.size());
        }
        if (language != null) {
            params.add(language);
            sql.append(" and (r.subtitle_languages::jsonb ? $").append(params.size())
                    .append(" or d.original_language = $").append(params.size()).append(")");
        }
        params.add(limit);
        sql.append(" order by r.listed_at desc, r.drama_id limit $").append(params.size());
        params.add(offset);
        sql.append(" offset $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> {
                    List<StorefrontListing> result = new ArrayList<>();
                    rows.forEach(row -> result.add(listing(row)));
                    return result;
                });
    }

    /** One LIVE drama of a region with its episode list, or null when it is not LIVE there. */
    public Uni<StorefrontListing.Detail> liveDrama(String region, UUID dramaId, Instant now, String displayLanguage) {
        String sql = "select " + COLUMNS + ", d.episodes from regional_rollout r join drama d on d.id = r.drama_id where "
                + LIVE + " and r.drama_id = $5";
        return pool.preparedQuery(sql).execute(Tuple.of(region, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        nullToEmpty(displayLanguage), primarySubtag(displayLanguage), dramaId))
                .map(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    Row row = iterator.next();
                    return new StorefrontListing.Detail(listing(row), read(row.getString("episodes"), EPISODES));
                });
    }

    private StorefrontListing listing(Row row) {
        return new StorefrontListing(row.getUUID("id"), row.getString("title"), row.getString("synopsis"),
                read(row.getString("genres"), STRINGS), row.getString("original_language"), row.getInteger("episode_count"),
                row.getString("cover_image_uri"), row.getInteger("free_episodes"), row.getInteger("coins_per_episode"),
                row.getString("currency"), row.getLong("price_minor"), row.getInteger("minor_units"),
                read(row.getString("subtitle_languages"), STRINGS), row.getString("age_rating"),
                row.getOffsetDateTime("listed_at").toInstant());
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text == null || text.isBlank() ? "[]" : text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String primarySubtag(String tag) {
        if (tag == null) {
            return "";
        }
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }
}
