package io.microdrama.push;

/** What is wrong with a package, and where: a file name, or {@code drama.json:field}. */
public record PackageProblem(String where, String message) {

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
