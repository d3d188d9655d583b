package io.microdrama.push;

import java.util.List;

/** A package that cannot be pushed as it is; nothing was sent. */
public class InvalidPackageException extends RuntimeException {

    private final transient List<PackageProblem> problems;

    public InvalidPackageException(List<PackageProblem> problems) {
        super(problems.size() + " problem(s) in the package");
        this.problems = List.copyOf(problems);
    }

    public List<PackageProblem> problems() {
        return problems;
    }
}
