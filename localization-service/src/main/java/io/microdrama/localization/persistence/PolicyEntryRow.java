package io.microdrama.localization.persistence;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/** One region's entry of the current language policy. */
@Entity
@Table(name = "language_policy")
public class PolicyEntryRow {

    @Id
    public String region;
    @Convert(converter = StringListColumn.class)
    public List<String> languages;
    /** The policy version that last set this entry. */
    public long version;

    public static PolicyEntryRow of(String region, List<String> languages, long version) {
        PolicyEntryRow row = new PolicyEntryRow();
        row.region = region;
        row.languages = List.copyOf(languages);
        row.version = version;
        return row;
    }
}
