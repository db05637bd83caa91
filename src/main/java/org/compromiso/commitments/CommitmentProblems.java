package org.compromiso.commitments;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the domain's refusals as RFC 9457 problems naming the field and the reason, before the catch-all. */
@RestControllerAdvice
@Order(0)
class CommitmentProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidCommitmentException e) {
        return problem(HttpStatus.BAD_REQUEST, "The commitment breaks a rule", e.problems());
    }

    @ExceptionHandler
    ProblemDetail notFound(CommitmentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("code", "unknown")));
    }

    @ExceptionHandler
    ProblemDetail duplicate(DuplicateCommitmentException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("code", "already registered")));
    }

    @ExceptionHandler
    ProblemDetail duplicateKey(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "Registered concurrently by someone else",
                List.of(new FieldProblem("code", "already registered")));
    }

    static ProblemDetail problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
