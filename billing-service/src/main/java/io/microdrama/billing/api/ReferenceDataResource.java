package io.microdrama.billing.api;

import io.microdrama.billing.api.ReferenceDataRequests.FxRatesRequest;
import io.microdrama.billing.api.ReferenceDataRequests.PurchasingPowerFactorRequest;
import io.microdrama.billing.api.ReferenceDataRequests.StorefrontVersionRequest;
import io.microdrama.billing.api.ReferenceDataRequests.TierVersionRequest;
import io.microdrama.billing.api.ReferenceDataViews.FxRateView;
import io.microdrama.billing.api.ReferenceDataViews.History;
import io.microdrama.billing.api.ReferenceDataViews.InForce;
import io.microdrama.billing.api.ReferenceDataViews.PurchasingPowerFactorView;
import io.microdrama.billing.api.ReferenceDataViews.StorefrontView;
import io.microdrama.billing.api.ReferenceDataViews.TierView;
import io.microdrama.billing.api.RepricingView.ImpactView;
import io.microdrama.billing.application.CurrentPricing;
import io.microdrama.billing.application.CurrentPricing.Snapshot;
import io.microdrama.billing.application.ReferenceDataAdmin;
import io.microdrama.billing.application.ReferenceDataImpact;
import io.microdrama.billing.domain.ReferenceVersions;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.tier.PricingTierVersion;
import io.microdrama.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reference data for admins: read what is in force on a date and each item's history, and add dated versions.
 * The shipped CSV files are the seed; versions added here are stored in the database and kept forever. A PUT of a
 * version that exists with the same content answers 200 and changes nothing; with different content, 409. Dates
 * must be today or later (UTC). A change is in effect in this replica at once and in others within
 * {@code REFERENCE_REFRESH_INTERVAL}; stored drama prices follow through the re-pricing sweep ({@code Repricing}),
 * offers are computed per request. Every PUT has a {@code POST …/impact} twin taking the same body, checked the same
 * way (same problems), that stores nothing and answers which regions' prices the version would change.
 */
@Path("/api/v1/billing/reference")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern TIER = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    private final CurrentPricing currentPricing;
    private final ReferenceDataAdmin admin;
    private final ReferenceDataImpact impact;
    private final CallerScope scope;

    public ReferenceDataResource(CurrentPricing currentPricing, ReferenceDataAdmin admin, ReferenceDataImpact impact,
            CallerScope scope) {
        this.currentPricing = currentPricing;
        this.admin = admin;
        this.impact = impact;
        this.scope = scope;
    }

    // --- storefronts

    @GET
    @Path("/storefronts")
    public Uni<InForce<StorefrontView>> storefronts(@QueryParam("date") String date) {
        LocalDate day = dayOrToday(date);
        return currentPricing.snapshot().map(snapshot -> new InForce<>(day, snapshot.pricing().referenceData()
                .storefrontsAt(day).stream().map(row -> ReferenceDataViews.storefront(row, snapshot)).toList()));
    }

    @GET
    @Path("/storefronts/{region}")
    public Uni<History<StorefrontView>> storefrontHistory(@PathParam("region") String region) {
        return currentPricing.snapshot().map(snapshot -> {
            ReferenceData data = snapshot.pricing().referenceData();
            List<Storefront> versions = data.storefrontHistory(region);
            if (versions.isEmpty()) {
                throw ProblemException.notFound("Storefront " + region);
            }
            return new History<>(region, data.findStorefrontAt(region, currentPricing.today()).map(Storefront::effectiveFrom)
                    .orElse(null), versions.stream().map(row -> ReferenceDataViews.storefront(row, snapshot)).toList());
        });
    }

    @PUT
    @Path("/storefronts/{region}/versions/{effectiveFrom}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addStorefront(@PathParam("region") String region, @PathParam("effectiveFrom") String effectiveFrom,
            StorefrontVersionRequest request) {
        return storefrontChange(region, effectiveFrom, request).flatMap(change -> admin.add(change.versions(),
                "effectiveFrom", scope.actor()).map(outcome -> answer(outcome,
                snapshot -> storefrontVersion(snapshot, region, change.date()))));
    }

    /** What {@code PUT} of the same version would change, checked the same way; stores nothing. */
    @POST
    @Path("/storefronts/{region}/versions/{effectiveFrom}/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ImpactView> storefrontImpact(@PathParam("region") String region,
            @PathParam("effectiveFrom") String effectiveFrom, StorefrontVersionRequest request) {
        return storefrontChange(region, effectiveFrom, request).flatMap(change -> impact(change, "effectiveFrom"));
    }

    private Uni<Change> storefrontChange(String region, String effectiveFrom, StorefrontVersionRequest request) {
        requireBody(request);
        return currentPricing.pricing().map(pricing -> {
            FieldCheck check = new FieldCheck();
            String validRegion = check.matching("region", region, REGION, "an ISO 3166-1 alpha-2 code or EU");
            LocalDate date = check.date("effectiveFrom", effectiveFrom);
            check.throwIfInvalid();
            List<Object> versions = request.toVersions(validRegion, date, pricing, check);
            Storefront storefront = (Storefront) versions.get(0);
            List<FxRate> firstRate = versions.stream().skip(1).map(FxRate.class::cast).toList();
            return new Change(date, ReferenceVersions.ofStorefront(storefront).plus(ReferenceVersions.ofFxRates(firstRate)));
        });
    }

    // --- FX rates

    @GET
    @Path("/fx-rates")
    public Uni<InForce<FxRateView>> fxRates(@QueryParam("date") String date) {
        LocalDate day = dayOrToday(date);
        return currentPricing.snapshot().map(snapshot -> new InForce<>(day, snapshot.pricing().referenceData()
                .fxRatesAt(day).stream().map(rate -> ReferenceDataViews.fxRate(rate, snapshot)).toList()));
    }

    @GET
    @Path("/fx-rates/{currency}")
    public Uni<History<FxRateView>> fxRateHistory(@PathParam("currency") String currency) {
        return currentPricing.snapshot().map(snapshot -> {
            ReferenceData data = snapshot.pricing().referenceData();
            List<FxRate> versions = data.fxRateHistory(currency);
            if (versions.isEmpty()) {
                throw ProblemException.notFound("An FX rate of " + currency);
            }
            return new History<>(currency, data.fxRate(currency, currentPricing.today()).asOf(),
                    versions.stream().map(rate -> ReferenceDataViews.fxRate(rate, snapshot)).toList());
        });
    }

    /** One snapshot for several currencies, all as of the same date; stored all or nothing. */
    @PUT
    @Path("/fx-rates/{asOf}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addFxRates(@PathParam("asOf") String asOf, FxRatesRequest request) {
        return fxRatesChange(asOf, request).flatMap(change -> admin.add(change.versions(), "asOf", scope.actor())
                .map(outcome -> answer(outcome, snapshot -> new InForce<>(change.date(), change.versions().fxRates().stream()
                        .map(rate -> ReferenceDataViews.fxRate(snapshot.pricing().referenceData().fxRateHistory(rate.currency())
                                .stream().filter(stored -> stored.asOf().equals(change.date())).findFirst().orElseThrow(),
                                snapshot))
                        .toList()))));
    }

    /** What {@code PUT} of the same snapshot would change, checked the same way; stores nothing. */
    @POST
    @Path("/fx-rates/{asOf}/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ImpactView> fxRatesImpact(@PathParam("asOf") String asOf, FxRatesRequest request) {
        return fxRatesChange(asOf, request).flatMap(change -> impact(change, "asOf"));
    }

    private Uni<Change> fxRatesChange(String asOf, FxRatesRequest request) {
        requireBody(request);
        return currentPricing.pricing().map(pricing -> {
            FieldCheck check = new FieldCheck();
            LocalDate date = check.date("asOf", asOf);
            check.throwIfInvalid();
            return new Change(date, ReferenceVersions.ofFxRates(request.toRates(date, pricing, check)));
        });
    }

    // --- purchasing-power factors

    /** The factors in force; a region not listed uses 1. */
    @GET
    @Path("/ppp-factors")
    public Uni<InForce<PurchasingPowerFactorView>> factors(@QueryParam("date") String date) {
        LocalDate day = dayOrToday(date);
        return currentPricing.snapshot().map(snapshot -> new InForce<>(day, snapshot.pricing().referenceData()
                .purchasingPowerFactorsAt(day).stream().map(factor -> ReferenceDataViews.factor(factor, snapshot)).toList()));
    }

    @GET
    @Path("/ppp-factors/{region}")
    public Uni<History<PurchasingPowerFactorView>> factorHistory(@PathParam("region") String region) {
        return currentPricing.snapshot().map(snapshot -> {
            ReferenceData data = requireStorefrontRegion(snapshot, region);
            return new History<>(region, data.findPurchasingPowerFactor(region, currentPricing.today())
                    .map(PurchasingPowerFactor::effectiveFrom).orElse(null),
                    data.purchasingPowerFactorHistory(region).stream().map(f -> ReferenceDataViews.factor(f, snapshot)).toList());
        });
    }

    @PUT
    @Path("/ppp-factors/{region}/versions/{effectiveFrom}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addFactor(@PathParam("region") String region, @PathParam("effectiveFrom") String effectiveFrom,
            PurchasingPowerFactorRequest request) {
        return factorChange(region, effectiveFrom, request).flatMap(change -> admin.add(change.versions(), "effectiveFrom",
                        scope.actor())
                .map(outcome -> answer(outcome, snapshot -> ReferenceDataViews.factor(snapshot.pricing().referenceData()
                        .purchasingPowerFactorHistory(region).stream().filter(f -> f.effectiveFrom().equals(change.date()))
                        .findFirst().orElseThrow(), snapshot))));
    }

    /** What {@code PUT} of the same factor would change, checked the same way; stores nothing. */
    @POST
    @Path("/ppp-factors/{region}/versions/{effectiveFrom}/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ImpactView> factorImpact(@PathParam("region") String region, @PathParam("effectiveFrom") String effectiveFrom,
            PurchasingPowerFactorRequest request) {
        return factorChange(region, effectiveFrom, request).flatMap(change -> impact(change, "effectiveFrom"));
    }

    private Uni<Change> factorChange(String region, String effectiveFrom, PurchasingPowerFactorRequest request) {
        requireBody(request);
        return currentPricing.snapshot().map(current -> {
            requireStorefrontRegion(current, region);
            FieldCheck check = new FieldCheck();
            LocalDate date = check.date("effectiveFrom", effectiveFrom);
            check.throwIfInvalid();
            return new Change(date, ReferenceVersions.ofPurchasingPowerFactor(request.toFactor(region, date, check)));
        });
    }

    // --- tiers

    @GET
    @Path("/tiers")
    public Uni<InForce<TierView>> tiers(@QueryParam("date") String date) {
        LocalDate day = dayOrToday(date);
        return currentPricing.snapshot().map(snapshot -> new InForce<>(day, snapshot.pricing().tiers().allAt(day).stream()
                .map(version -> ReferenceDataViews.tier(version, snapshot)).toList()));
    }

    @GET
    @Path("/tiers/{tier}")
    public Uni<History<TierView>> tierHistory(@PathParam("tier") String tier) {
        return currentPricing.snapshot().map(snapshot -> {
            List<PricingTierVersion> versions = snapshot.pricing().tiers().history(tier);
            if (versions.isEmpty()) {
                throw ProblemException.notFound("Tier " + tier);
            }
            return new History<>(tier, snapshot.pricing().tiers().findVersion(tier, currentPricing.today())
                    .map(PricingTierVersion::effectiveFrom).orElse(null),
                    versions.stream().map(version -> ReferenceDataViews.tier(version, snapshot)).toList());
        });
    }

    /** A new tier name is allowed: studios can use it once catalog accepts it. */
    @PUT
    @Path("/tiers/{tier}/versions/{effectiveFrom}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addTier(@PathParam("tier") String tier, @PathParam("effectiveFrom") String effectiveFrom,
            TierVersionRequest request) {
        Change change = tierChange(tier, effectiveFrom, request);
        return admin.add(change.versions(), "effectiveFrom", scope.actor())
                .map(outcome -> answer(outcome, snapshot -> ReferenceDataViews.tier(snapshot.pricing().tiers().history(tier)
                        .stream().filter(v -> v.effectiveFrom().equals(change.date())).findFirst().orElseThrow(), snapshot)));
    }

    /** What {@code PUT} of the same tier version would change, checked the same way; stores nothing. */
    @POST
    @Path("/tiers/{tier}/versions/{effectiveFrom}/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ImpactView> tierImpact(@PathParam("tier") String tier, @PathParam("effectiveFrom") String effectiveFrom,
            TierVersionRequest request) {
        return impact(tierChange(tier, effectiveFrom, request), "effectiveFrom");
    }

    private Change tierChange(String tier, String effectiveFrom, TierVersionRequest request) {
        requireBody(request);
        FieldCheck check = new FieldCheck();
        String validTier = check.matching("tier", tier, TIER, "2-32 characters: a-z first, then a-z 0-9 -");
        LocalDate date = check.date("effectiveFrom", effectiveFrom);
        check.throwIfInvalid();
        return new Change(date, ReferenceVersions.ofTier(request.toVersion(validTier, date, check)));
    }

    /** A checked request: the versions it adds and their date. */
    private record Change(LocalDate date, ReferenceVersions versions) {
    }

    private Uni<ImpactView> impact(Change change, String dateField) {
        return impact.preview(change.versions(), change.date(), dateField).map(ImpactView::of);
    }

    // ---

    private static StorefrontView storefrontVersion(Snapshot snapshot, String region, LocalDate date) {
        return ReferenceDataViews.storefront(snapshot.pricing().referenceData().storefrontHistory(region).stream()
                .filter(row -> row.effectiveFrom().equals(date)).findFirst().orElseThrow(), snapshot);
    }

    /** 201 when the version was added, 200 when exactly this version already existed. */
    private static Response answer(ReferenceDataAdmin.Outcome outcome, Function<Snapshot, Object> view) {
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(view.apply(outcome.snapshot())).build();
    }

    private static ReferenceData requireStorefrontRegion(Snapshot snapshot, String region) {
        ReferenceData data = snapshot.pricing().referenceData();
        if (data.storefrontHistory(region).isEmpty()) {
            throw ProblemException.notFound("Storefront " + region);
        }
        return data;
    }

    private LocalDate dayOrToday(String date) {
        if (date == null) {
            return currentPricing.today();
        }
        FieldCheck check = new FieldCheck();
        LocalDate day = check.date("date", date);
        check.throwIfInvalid();
        return day;
    }

    private static void requireBody(Object request) {
        if (request == null) {
            throw new ProblemException(400, "Bad Request", "A JSON body is required");
        }
    }
}
