package io.microdrama.catalog.domain;

/**
 * A request the catalog refuses, in the catalog's own words. The {@link Kind} says what went wrong; turning it into
 * an HTTP answer (problem+json, status) is the {@code api} package's job, so the rules stay free of HTTP.
 */
public class CatalogException extends RuntimeException {

    public enum Kind {
        /** The thing does not exist, or the caller may not know it exists. */
        NOT_FOUND,
        /** The caller may not change it (e.g. an unregistered or deactivated studio). */
        NOT_ALLOWED,
        /** The request contradicts the current state (withdraw a draft, remove published episodes...). */
        CONFLICT,
        /** The caller's view is outdated: the revision it read is no longer the current one. */
        STALE_REVISION
    }

    private final Kind kind;

    public CatalogException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code what} names the missing thing, e.g. "Drama 'abc'". */
    public static CatalogException notFound(String what) {
        return new CatalogException(Kind.NOT_FOUND, what);
    }

    public static CatalogException notAllowed(String detail) {
        return new CatalogException(Kind.NOT_ALLOWED, detail);
    }

    public static CatalogException conflict(String detail) {
        return new CatalogException(Kind.CONFLICT, detail);
    }

    public static CatalogException staleRevision(String detail) {
        return new CatalogException(Kind.STALE_REVISION, detail);
    }
}
