package io.microdrama.localization.domain;

import io.microdrama.contracts.regions.RegionGroups;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagePolicyTest {

    static final List<String> DRAFT_STOREFRONTS = List.of("US", "CA", "GB", "IE", "AU", "NZ", "DE", "AT", "CH", "FR", "BE",
            "NL", "ES", "IT", "PT", "PL", "SE", "NO", "DK", "FI", "BG", "TR", "BR", "MX", "AR", "CO", "CL", "PE", "JP", "KR",
            "TW", "HK", "SG", "MY", "TH", "ID", "PH", "VN", "IN", "PK", "SA", "AE", "EG", "IL", "ZA", "NG", "KW");

    final Map<String, List<String>> shipped = LanguagePolicy.shippedEntries();
    final LanguagePolicy policy = new LanguagePolicy(1, shipped);

    @Test
    void theShippedPolicyCoversEveryDraftStorefrontAndEveryRegionGroup() {
        assertThat(shipped.keySet()).containsAll(DRAFT_STOREFRONTS).containsAll(RegionGroups.groups().keySet());
        shipped.forEach((region, languages) -> assertThat(LanguagePolicy.problems(region, languages)).as(region).isEmpty());
    }

    @Test
    void aCountryUsesItsOwnEntryThenItsFirstGroupThenEnglish() {
        assertThat(policy.resolve("DE")).isEqualTo(new LanguagePolicy.Resolution("DE", List.of("de", "en"), "DE"));
        assertThat(policy.resolve("GR")).isEqualTo(new LanguagePolicy.Resolution("GR", List.of("en"), "EU"));
        assertThat(policy.resolve("IS")).isEqualTo(new LanguagePolicy.Resolution("IS", List.of("en"), "default"));

        LanguagePolicy latamOnly = new LanguagePolicy(2, Map.of("LATAM", List.of("es-419", "pt-BR"), "MENA", List.of("ar")));
        assertThat(latamOnly.resolve("BR").languages()).containsExactly("es-419", "pt-BR");
        assertThat(latamOnly.resolve("TR").source()).as("TR is in EUROPE (no entry) and MENA").isEqualTo("MENA");
    }

    @Test
    void theOriginalLanguageIsServedByTheAudioOnItsPrimarySubtag() {
        assertThat(policy.requiredLanguages("US", "en")).containsExactly("es-419");
        assertThat(policy.requiredLanguages("US", "es")).containsExactly("en");
        assertThat(policy.requiredLanguages("MX", "es-MX")).containsExactly("en");
        assertThat(policy.requiredLanguages("GB", "en-GB")).isEmpty();
        assertThat(policy.requiredLanguages("CH", "fr")).containsExactly("de", "it", "en");
        assertThat(policy.requiredLanguages("TW", "zh-Hans")).as("any Chinese audio serves zh-Hant captions' viewers")
                .containsExactly("en");
    }

    @Test
    void entriesAreCheckedBeforeTheyAreStored() {
        assertThat(LanguagePolicy.problems("DE", List.of("de", "en"))).isEmpty();
        assertThat(LanguagePolicy.problems("LATAM", List.of("es-419"))).isEmpty();
        assertThat(LanguagePolicy.problems("ZZ", List.of("en"))).hasSize(1);
        assertThat(LanguagePolicy.problems("DE", List.of())).hasSize(1);
        assertThat(LanguagePolicy.problems("DE", List.of("de", "de"))).hasSize(1);
        assertThat(LanguagePolicy.problems("DE", List.of("de_DE"))).hasSize(1);
        assertThat(LanguagePolicy.problems("TW", List.of("zh-hant"))).singleElement().asString().contains("zh-Hant");
    }
}
