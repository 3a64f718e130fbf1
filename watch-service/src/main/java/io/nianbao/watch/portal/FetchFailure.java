package io.nianbao.watch.portal;

import io.nianbao.events.ColumnProblem;

/**
 * A page that could not be read: why (an HTTP status, an unreachable or refused address, robots.txt,
 * a host that asked us to wait), with the status where there was one and a Chinese detail for the operators.
 */
public final class FetchFailure extends Exception {

    private final ColumnProblem problem;
    private final Integer httpStatus;

    public FetchFailure(ColumnProblem problem, Integer httpStatus, String detail) {
        super(detail);
        this.problem = problem;
        this.httpStatus = httpStatus;
    }

    public ColumnProblem problem() {
        return problem;
    }

    public Integer httpStatus() {
        return httpStatus;
    }
}
