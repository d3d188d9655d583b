package io.microdrama.catalog.domain;

/**
 * Equal content, equal fingerprint, on any JVM: tells a retried publish from a publish of new content. How it is
 * computed is a storage matter (the value is kept in the database), so it is given to the domain, not chosen here.
 */
@FunctionalInterface
public interface ContentFingerprint {

    String of(DramaContent content);
}
