package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminViewsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theStudioFormIsCheckedAsTheGatewayWould() {
        AdminViews.StudioForm form = AdminViews.studioForm(" nova-films ", " Nova Films ", "true");
        assertThat(form.valid()).isTrue();
        assertThat(form).isEqualTo(new AdminViews.StudioForm("nova-films", "Nova Films", true, List.of()));
        assertThat(AdminViews.studioForm("nova", "Nova", null).active()).isFalse();

        AdminViews.StudioForm wrong = AdminViews.studioForm("Nova Films", "", null);
        assertThat(wrong.errors()).hasSize(2);
        assertThat(wrong.errors().get(0)).startsWith("studio id:");
        assertThat(wrong.errors().get(1)).isEqualTo("name: required");
        assertThat(wrong.withoutErrors().valid()).isTrue();
        assertThat(AdminViews.isStudioId("a")).isFalse();
        assertThat(AdminViews.isStudioId("../x")).isFalse();
    }

    @Test
    void aSavedStudioSaysWhetherItWasRegisteredOrUpdated() throws Exception {
        assertThat(AdminViews.studioSaved(json.readTree("""
                {"id":"nova","name":"Nova","active":true,"registeredAt":"2026-12-03T10:00:00Z","updatedAt":"2026-12-03T10:00:00Z"}""")))
                .isEqualTo("Registered studio nova (Nova), active: its tokens may change content.");
        assertThat(AdminViews.studioSaved(json.readTree("""
                {"id":"nova","name":"Nova 2","active":false,"registeredAt":"2026-12-03T10:00:00Z","updatedAt":"2026-12-03T11:00:00Z"}""")))
                .isEqualTo("Updated studio nova (Nova 2), inactive: its tokens may read and withdraw only.");
    }

    @Test
    void repricingProgressAndPolicyHistoryReadAsSentences() throws Exception {
        AdminViews.Repricing running = AdminViews.repricing(json.readTree("""
                {"referenceRevision":7,"pricingDate":"2026-12-03","completed":false,"startedAt":"2026-12-03T00:00:01Z",
                 "completedAt":null,"checked":400,"repriced":120}"""));
        assertThat(running.progress()).isEqualTo("400 active price(s) checked, 120 changed so far");
        assertThat(running.completed()).isEqualTo("not yet");
        assertThat(running.done()).isFalse();

        List<AdminViews.PolicyChange> changes = AdminViews.policyChanges(json.readTree("""
                [{"version":3,"changedAt":"2026-12-03T10:00:00Z","changedBy":"admin","region":"DE","languages":["de","en"],
                  "approvalRequired":true,"approvalByLanguage":{"en":false}},
                 {"version":2,"changedAt":"2026-12-02T10:00:00Z","changedBy":"admin","region":"FR","languages":[],"note":"removed"}]"""));
        assertThat(changes.get(0).languages()).isEqualTo("de, en");
        assertThat(changes.get(0).approval()).isEqualTo("required except en");
        assertThat(changes.get(1).languages()).isEqualTo("(none: entry removed)");
        assertThat(changes.get(1).approval()).isEmpty();
    }

    @Test
    void aRegionSaysWhereItsLanguagesComeFrom() throws Exception {
        AdminViews.RegionPolicy own = AdminViews.regionPolicy(json.readTree("""
                {"version":3,"region":"DE","kind":"COUNTRY","languages":["de"],"source":"DE","approvalRequired":true,
                 "approvalByLanguage":{},"approvalLanguages":["de"]}"""));
        assertThat(own.origin()).isEqualTo("its own entry");
        assertThat(own.approvalLanguages()).isEqualTo("de");
        assertThat(own.kind()).isEqualTo("country");
        assertThat(AdminViews.regionPolicy(json.readTree("""
                {"region":"AT","kind":"COUNTRY","languages":["de","en"],"source":"EU","approvalRequired":false,"approvalLanguages":[]}""")).origin())
                .isEqualTo("the entry of group EU");
        AdminViews.RegionPolicy fallback = AdminViews.regionPolicy(json.readTree("""
                {"region":"BR","kind":"COUNTRY","languages":["en"],"source":"default","approvalRequired":false,"approvalLanguages":[]}"""));
        assertThat(fallback.origin()).startsWith("the platform's fallback");
        assertThat(fallback.approvalLanguages()).isEqualTo("none");
    }
}
